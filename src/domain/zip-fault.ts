/** Why an archive or one of its entries cannot be read. */
export type ZipFault =
  'damaged' | 'encrypted' | 'unsupported' | 'unsafe_path' | 'too_large' | 'too_many_entries';

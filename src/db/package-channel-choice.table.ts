import type { Insertable, Selectable } from 'kysely';

/** Row of `package_channel_choices`: the platform a person (their first membership) gets the package on. */
export interface PackageChannelChoiceTable {
  person_member_id: number;
  platform: string;
  chosen_at: Date;
}
export type PackageChannelChoiceRow = Selectable<PackageChannelChoiceTable>;
export type NewPackageChannelChoiceRow = Insertable<PackageChannelChoiceTable>;

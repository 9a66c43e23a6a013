import { issueWebLink } from '../../services/web-link.service.js';
import type { UploadLinkOf } from './files-elsewhere.feature.js';
import { webLinkUrl } from './web.feature.js';

/** The web side's upload page (src/web/upload), where an opened personal link lands for files. */
export const UPLOAD_PAGE_PATH = '/tai-len';

/**
 * A fresh personal link (as `/web` gives) that lands on the upload page once it has opened the session:
 * what a Zalo user whose file the channel could not take gets instead.
 */
export function personalUploadLink(baseUrl: string): UploadLinkOf {
  return async (ctx) => {
    const { member, db, campaign, clock } = ctx.sohoa;
    // The upload page refuses leaders (upload-access.service.ts): they are told where else to send files.
    if (!member?.active || member.role === 'leader') return undefined;
    const link = await issueWebLink(db, campaign, member, clock);
    return `${webLinkUrl(baseUrl, link.token)}?den=${UPLOAD_PAGE_PATH}`;
  };
}

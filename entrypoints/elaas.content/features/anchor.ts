import type { SiteProfile } from '../../../site/profile';
import { queryFirst } from '../../../site/query';

/** Where our in-page UI goes: the profile's content area, else the top of <body>. */
export function contentAnchor(profile: SiteProfile): Element {
  return queryFirst(document, profile.selectors.noticeAnchor) ?? document.body;
}

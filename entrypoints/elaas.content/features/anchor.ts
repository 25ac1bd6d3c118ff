import type { SiteProfile } from '../../../site/profile';

/** Where our in-page UI goes: the profile's content area, else the top of <body>. */
export function contentAnchor(profile: SiteProfile): Element {
  try {
    return document.querySelector(profile.selectors.noticeAnchor) ?? document.body;
  } catch {
    return document.body;
  }
}

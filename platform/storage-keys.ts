/** Keys of the small state the background keeps (storage.local in the extension). */
export const STORAGE_KEYS = {
  userSettings: 'settings',
  policyCache: 'policyCache',
  noticeDismissed: 'noticeDismissed',
  lastUser: 'lastUser',
} as const;

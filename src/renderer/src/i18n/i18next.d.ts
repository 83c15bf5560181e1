import 'i18next';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { uiId } from './messages-id';

// Typed keys: a misspelt t('...') key is a compile error, not a blank label at the counter.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: {
      ui: typeof uiId;
      core: Record<MessageKey, string>;
    };
  }
}

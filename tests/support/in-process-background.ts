import { backgroundCommands, type BackgroundServices } from '../../lib/background/background-commands';
import { refreshTodayBadge } from '../../lib/background/today-badge';
import type { IdiolectDatabase } from '../../lib/db/database';
import { SecretStore } from '../../lib/db/secrets';
import type { BackgroundMessage, MessageData } from '../../lib/protocol/messages';
import { servedListener, type MessageHandler, type MessageSender } from '../../lib/protocol/serve-messages';
import { samplesChangedStep } from '../../lib/samples/samples-changed';

export const TEST_EXTENSION_ORIGIN = 'chrome-extension://idiolecttest/';
export const OPTIONS_PAGE: MessageSender = { url: `${TEST_EXTENSION_ORIGIN}options.html` };

/**
 * The background's command handlers on `db`, served as the worker serves them (sender checked,
 * input and output validated), with the real "samples changed" step and the real badge (WXT's
 * fake browser). `learningStarts` counts how often the learning runner was started.
 */
export function inProcessBackground(db: IdiolectDatabase) {
  const effects = { learningStarts: 0 };
  const startLearning = () => {
    effects.learningStarts += 1;
  };
  const services: BackgroundServices = {
    db,
    secrets: new SecretStore(`idiolect-secrets-test-${crypto.randomUUID()}`),
    llmOptions: {},
    startLearning,
    samplesChanged: samplesChangedStep(db, { refreshBadge: () => refreshTodayBadge(db), startLearning }),
  };
  const handlers = backgroundCommands(services);
  function send<K extends BackgroundMessage>(type: K, data?: MessageData<K>, sender: MessageSender = OPTIONS_PAGE) {
    return servedListener(type, handlers[type] as MessageHandler<K>, TEST_EXTENSION_ORIGIN)({ data, sender });
  }
  return { services, effects, send };
}

export { demoResponder, draftOf } from './demo';
export { exampleFromSchema, fromSchema, type ExampleOptions } from './schema-example';
export { startFakeOpenAI } from './server';
export { DIALECTS, type DialectName } from './dialects';
export type {
  ChatMessage,
  ChatRequest,
  ChatView,
  ErrorReply,
  FakeOpenAI,
  FakeOpenAIOptions,
  FinishReason,
  RecordedRequest,
  Reply,
  Responder,
  ResponseFormat,
  WaitOptions,
} from './types';

import { describe, expect, it } from 'vitest';
import { endpointOriginPattern } from './endpoint-access';

describe('which host an endpoint needs access to', () => {
  it('asks for the endpoint’s host, whatever its port and path', () => {
    expect(endpointOriginPattern({ provider: 'custom', baseURL: 'https://llm.example.com:8443/api/v1', model: 'm' })).toBe('https://llm.example.com/*');
    expect(endpointOriginPattern({ provider: 'ollama', baseURL: 'http://localhost:11434/v1', model: 'llama3.1' })).toBe('http://localhost/*');
  });

  it('asks for nothing for the on-device model', () => {
    expect(endpointOriginPattern({ provider: 'chrome-builtin', baseURL: '', model: 'gemini-nano' })).toBeNull();
  });
});

/** An error answer in OpenAI's shape: `{ error: { message, type, param, code } }` with an HTTP status. */
export interface ApiError {
  status: number;
  message: string;
  type: string;
  param: string | null;
  code: string | null;
  headers?: Record<string, string>;
}

export function errorBody(error: ApiError): { error: { message: string; type: string; param: string | null; code: string | null } } {
  return { error: { message: error.message, type: error.type, param: error.param, code: error.code } };
}

export function invalidRequest(message: string, param: string | null = null, code: string | null = null): ApiError {
  return { status: 400, message, type: 'invalid_request_error', param, code };
}

/** How OpenAI names a JSON value's type in its "Invalid type" messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function invalidType(param: string, expected: string, value: unknown): ApiError {
  return invalidRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${describeType(value)} instead.`,
    param,
    'invalid_type',
  );
}

export function missingParameter(param: string): ApiError {
  return invalidRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
}

export function invalidValue(param: string, value: unknown, supported: readonly string[]): ApiError {
  const list = supported.map((s) => `'${s}'`);
  const listed = list.length > 1 ? `${list.slice(0, -1).join(', ')}, and ${list.at(-1)}` : (list[0] ?? '');
  return invalidRequest(`Invalid value: '${String(value)}'. Supported values are: ${listed}.`, param, 'invalid_value');
}

export function unauthorized(message: string): ApiError {
  return { status: 401, message, type: 'invalid_request_error', param: null, code: 'invalid_api_key' };
}

export function notFound(message: string, code: string | null = null): ApiError {
  return { status: 404, message, type: 'invalid_request_error', param: null, code };
}

/** Defaults for a scripted `{ error }` reply, so a test only has to give the status. */
export function scriptedErrorDefaults(status: number): { message: string; type: string; code: string | null } {
  switch (status) {
    case 400:
      return { message: 'Bad request (scripted).', type: 'invalid_request_error', code: null };
    case 401:
      return { message: 'Incorrect API key provided (scripted).', type: 'invalid_request_error', code: 'invalid_api_key' };
    case 403:
      return { message: 'You are not allowed to access this resource (scripted).', type: 'permission_error', code: null };
    case 404:
      return { message: 'The model does not exist or you do not have access to it (scripted).', type: 'invalid_request_error', code: 'model_not_found' };
    case 429:
      return { message: 'Rate limit reached (scripted).', type: 'requests', code: 'rate_limit_exceeded' };
    default:
      return status >= 500
        ? { message: 'The server had an error while processing your request (scripted).', type: 'server_error', code: null }
        : { message: `Request failed with status ${status} (scripted).`, type: 'invalid_request_error', code: null };
  }
}

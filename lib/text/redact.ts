/** Replaces contact and payment details with placeholders before a sample is stored. */

export interface Redaction {
  text: string;
  counts: { email: number; phone: number; card: number };
}

const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;
const DIGIT_RUN = /(?<![\p{L}\p{N}+])(?:\+|00)?\(?\d[\d ().-]{5,24}\d(?![\p{L}\p{N}])/gu;
const DATE_OR_TIME = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)$/;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Card numbers are 13–19 digits passing the Luhn check; phones are 7–15 digits that are not dates. */
function classifyDigits(candidate: string): 'card' | 'phone' | null {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length >= 13 && digits.length <= 19 && /^[\d -]+$/.test(candidate) && luhnValid(digits)) return 'card';
  if (digits.length < 7 || digits.length > 15 || DATE_OR_TIME.test(candidate.trim())) return null;
  if (/^\d+$/.test(candidate) && digits.length < 10) return null;
  return 'phone';
}

export function redactPersonalData(text: string): Redaction {
  const counts = { email: 0, phone: 0, card: 0 };
  const withoutEmails = text.replace(EMAIL, () => {
    counts.email++;
    return '[email]';
  });
  const redacted = withoutEmails.replace(DIGIT_RUN, (candidate) => {
    const kind = classifyDigits(candidate);
    if (!kind) return candidate;
    counts[kind]++;
    return `[${kind}]`;
  });
  return { text: redacted, counts };
}

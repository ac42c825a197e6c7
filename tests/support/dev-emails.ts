import { existsSync, readFileSync } from 'node:fs';

/** ../shared/data/dev-emails.jsonl: real emails by 10 writers, read at test time, never copied here. */
export const DEV_EMAILS = new URL('../../../shared/data/dev-emails.jsonl', import.meta.url);

/** Whether the file is there; when not, says so once, so skipped tests are visible. */
export function devEmailsAvailable(suite: string): boolean {
  const present = existsSync(DEV_EMAILS);
  if (!present) console.warn(`${suite}: ${DEV_EMAILS.pathname} is absent, skipping the real-writer tests`);
  return present;
}

/** Each writer's texts, in file order. */
export function devEmailAuthors(): string[][] {
  const byAuthor = new Map<string, string[]>();
  for (const line of readFileSync(DEV_EMAILS, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { author, text } = JSON.parse(line) as { author: string; text: string };
    byAuthor.set(author, [...(byAuthor.get(author) ?? []), text]);
  }
  return [...byAuthor.values()];
}

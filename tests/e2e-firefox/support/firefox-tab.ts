import { MarionetteError, type Marionette } from './marionette';

/** WebDriver's key codes for the keys the tests press. */
export const Keys = { Control: '\uE009', Enter: '\uE007', End: '\uE010', Null: '\uE000' } as const;

const WEB_ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
type ElementRef = { [WEB_ELEMENT]: string };
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Marionette drives one tab at a time (the "current window"); tabs share the connection and
 * switch to themselves before each command, as a person clicks on a tab before using it.
 */
export class TabSwitcher {
  private current: string | null = null;
  constructor(readonly marionette: Marionette) {}

  async use(handle: string): Promise<void> {
    if (this.current === handle) return;
    await this.marionette.send('WebDriver:SwitchToWindow', { handle, focus: true });
    this.current = handle;
  }

  forget(handle: string): void {
    if (this.current === handle) this.current = null;
  }
}

/** Candidate elements for a role (narrowed by CSS), then checked against Firefox's own accessibility tree. */
const ROLE_CANDIDATES: Record<string, string> = {
  button: 'button, [role=button], input[type=button], input[type=submit], input[type=reset]',
  textbox: 'textarea, input:not([type]), input[type=text], input[type=url], input[type=email], input[type=search], [role=textbox], [contenteditable]',
  combobox: 'select, input, [role=combobox]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  switch: 'input[type=checkbox], [role=switch]',
  list: 'ul, ol, [role=list]',
  listitem: 'li, [role=listitem]',
  region: 'section, [role=region]',
  form: 'form, [role=form]',
  status: 'output, [role=status]',
  alert: '[role=alert]',
  option: 'option, [role=option]',
  dialog: 'dialog, [role=dialog], [role=alertdialog]',
};

function nameMatches(actual: string, expected: string | RegExp | undefined): boolean {
  if (expected === undefined) return true;
  return typeof expected === 'string' ? actual.trim() === expected : expected.test(actual.trim());
}

/** Polls `read` until `accept` holds, or throws with the last value seen: a wait for a state, never a sleep. */
export async function pollUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      if (!(error instanceof MarionetteError) || !/stale element|no such element|detached shadow/.test(error.error)) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last) ?? String(lastError)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export class FirefoxTab {
  constructor(
    private readonly tabs: TabSwitcher,
    readonly handle: string,
  ) {}

  private async send<T>(command: string, parameters: Record<string, unknown> = {}): Promise<T> {
    await this.tabs.use(this.handle);
    return this.tabs.marionette.send<T>(command, parameters);
  }

  /** @internal */
  command<T>(command: string, parameters: Record<string, unknown> = {}): Promise<T> {
    return this.send<T>(command, parameters);
  }

  async goto(url: string): Promise<void> {
    await this.send('WebDriver:Navigate', { url });
  }

  async reload(): Promise<void> {
    await this.send('WebDriver:Refresh');
  }

  async url(): Promise<string> {
    return (await this.send<{ value: string }>('WebDriver:GetCurrentURL')).value;
  }

  async close(): Promise<void> {
    const left = await this.send<string[] | { value: string[] }>('WebDriver:CloseWindow');
    this.tabs.forget(this.handle);
    // Marionette needs a live current tab for the next command (even to open a new one).
    const [next] = Array.isArray(left) ? left : left.value;
    if (next) await this.tabs.use(next);
  }

  /** Runs `fn` in the page (in Marionette's sandbox over the page's window) and resolves to what it returns (promises awaited). */
  async evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
    const result = await this.send<{ value: R }>('WebDriver:ExecuteScript', { script: `return (${fn.toString()}).apply(null, arguments);`, args });
    return result.value;
  }

  /** Types keys into whatever has focus in the page (trusted key events), e.g. Ctrl+Z. */
  async pressKeys(keys: string): Promise<void> {
    const focused = await this.send<{ value: ElementRef }>('WebDriver:GetActiveElement');
    await this.send('WebDriver:ElementSendKeys', { id: focused.value[WEB_ELEMENT], text: keys + Keys.Null });
  }

  /** The element with that role and accessible name (any name when none is given). */
  getByRole(role: string, name?: string | RegExp): Locator {
    return new Locator(this, { role, name }, null);
  }

  getByLabel(label: string | RegExp): Locator {
    return new Locator(this, { css: 'input, textarea, select', label }, null);
  }

  /** Waits until the page's visible text contains `text` (or matches it). */
  async waitForText(text: string | RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    await pollUntil(
      () => this.evaluate(() => document.body?.innerText ?? ''),
      (shown) => (typeof text === 'string' ? shown.includes(text) : text.test(shown)),
      `the page to show ${String(text)}`,
      timeoutMs,
    );
  }
}

type Query = { role: string; name?: string | RegExp } | { css: string; label?: string | RegExp };

/** An element found the way a person finds it, re-found before every action (React re-renders). */
export class Locator {
  constructor(
    private readonly tab: FirefoxTab,
    private readonly query: Query,
    private readonly parent: Locator | null,
  ) {}

  getByRole(role: string, name?: string | RegExp): Locator {
    return new Locator(this.tab, { role, name }, this);
  }

  getByLabel(label: string | RegExp): Locator {
    return new Locator(this.tab, { css: 'input, textarea, select', label }, this);
  }

  /** Elements matching a CSS selector, for what has no role of its own to find it by. */
  locator(css: string): Locator {
    return new Locator(this.tab, { css }, this);
  }

  describe(): string {
    const self =
      'role' in this.query
        ? `${this.query.role}${this.query.name === undefined ? '' : ` “${String(this.query.name)}”`}`
        : `${this.query.css}${this.query.label === undefined ? '' : ` labelled “${String(this.query.label)}”`}`;
    return this.parent ? `${self} in ${this.parent.describe()}` : self;
  }

  /** Every element matching now (possibly none). */
  async all(): Promise<string[]> {
    const scope = this.parent ? await this.parent.one() : null;
    const css = 'role' in this.query ? ROLE_CANDIDATES[this.query.role] : this.query.css;
    if (!css) throw new Error(`No candidate selector for role ${'role' in this.query ? this.query.role : ''}`);
    // Candidates in the scope and in the shadow roots under it, closed ones too (Idiolect's in-page
    // cards live in closed roots, which only privileged code such as Marionette's system sandbox sees).
    const found = await this.tab.command<{ value: ElementRef[] }>('WebDriver:ExecuteScript', {
      sandbox: 'system',
      script: `
        const [selector, scope] = arguments;
        const found = [];
        const visit = (root) => {
          found.push(...root.querySelectorAll(selector));
          for (const element of root.querySelectorAll('*')) {
            const shadow = element.openOrClosedShadowRoot ?? element.shadowRoot;
            if (shadow) visit(shadow);
          }
        };
        visit(scope ?? document);
        return found;`,
      args: [css, scope ? { [WEB_ELEMENT]: scope } : null],
    });
    const ids = found.value.map((ref) => ref[WEB_ELEMENT]);
    const matching: string[] = [];
    for (const id of ids) {
      if ('role' in this.query) {
        const role = (await this.tab.command<{ value: string }>('WebDriver:GetComputedRole', { id })).value;
        if (role !== this.query.role) continue;
        const label = (await this.tab.command<{ value: string }>('WebDriver:GetComputedLabel', { id })).value;
        if (nameMatches(label, this.query.name)) matching.push(id);
      } else if (this.query.label === undefined) {
        matching.push(id);
      } else {
        const label = (await this.tab.command<{ value: string }>('WebDriver:GetComputedLabel', { id })).value;
        if (nameMatches(label, this.query.label)) matching.push(id);
      }
    }
    return matching;
  }

  /** The first matching element, waited for. */
  async one(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
    const [first] = await pollUntil(
      () => this.all(),
      (ids) => ids.length > 0,
      this.describe(),
      timeoutMs,
    );
    return first!;
  }

  async waitFor(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    await this.one(timeoutMs);
  }

  async count(): Promise<number> {
    return (await this.all()).length;
  }

  /** Retries an action on a freshly found element when React replaced the old one meanwhile. */
  private async act<T>(action: (id: string) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const id = await this.one();
      try {
        return await action(id);
      } catch (error) {
        if (attempt < 3 && error instanceof MarionetteError && /stale element/.test(error.error)) continue;
        throw error;
      }
    }
  }

  /** A real click (trusted mouse events, so it counts as a user gesture, e.g. for permissions.request). */
  click(): Promise<void> {
    return this.act(async (id) => void (await this.tab.command('WebDriver:ElementClick', { id })));
  }

  /** Empties the field, then types `text` key by key, as a person does. */
  fill(text: string): Promise<void> {
    return this.act(async (id) => {
      await this.tab.command('WebDriver:ElementClear', { id });
      await this.tab.command('WebDriver:ElementSendKeys', { id, text });
    });
  }

  /** Types `text` (may hold WebDriver key codes) at the end of the field. */
  type(text: string): Promise<void> {
    return this.act(async (id) => void (await this.tab.command('WebDriver:ElementSendKeys', { id, text: text + Keys.Null })));
  }

  /** Picks the file at `filePath` in an `<input type=file>`. */
  setInputFile(filePath: string): Promise<void> {
    return this.act(async (id) => void (await this.tab.command('WebDriver:ElementSendKeys', { id, text: filePath })));
  }

  /** Picks the `<option>` whose value is `value`, by clicking it. */
  selectOption(value: string): Promise<void> {
    return this.act(async (id) => {
      const option = await this.tab.command<{ value: ElementRef }>('WebDriver:FindElement', { using: 'css selector', value: `option[value="${value}"]`, element: id });
      await this.tab.command('WebDriver:ElementClick', { id: option.value[WEB_ELEMENT] });
    });
  }

  async setChecked(checked: boolean): Promise<void> {
    if ((await this.property<boolean>('checked')) !== checked) await this.click();
    await pollUntil(() => this.property<boolean>('checked'), (value) => value === checked, `${this.describe()} to be ${checked ? 'on' : 'off'}`);
  }

  property<T>(name: string): Promise<T> {
    return this.act(async (id) => (await this.tab.command<{ value: T }>('WebDriver:GetElementProperty', { id, name })).value);
  }

  inputValue(): Promise<string> {
    return this.property<string>('value');
  }

  async isDisabled(): Promise<boolean> {
    return !(await this.act(async (id) => (await this.tab.command<{ value: boolean }>('WebDriver:IsElementEnabled', { id })).value));
  }

  async textContent(): Promise<string> {
    return (await this.property<string | null>('textContent')) ?? '';
  }

  /** Waits until the element's text contains `text` (or matches it), and returns the text. */
  waitForText(text: string | RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
    return pollUntil(
      () => this.property<string>('innerText').then((shown) => shown ?? ''),
      (shown) => (typeof text === 'string' ? shown.includes(text) : text.test(shown)),
      `${this.describe()} to show ${String(text)}`,
      timeoutMs,
    );
  }

  /** Waits until the field's value is `expected`. */
  waitForValue(expected: string | RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
    return pollUntil(
      () => this.inputValue(),
      (value) => (typeof expected === 'string' ? value === expected : expected.test(value)),
      `${this.describe()} to hold ${String(expected)}`,
      timeoutMs,
    );
  }
}

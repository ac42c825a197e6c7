// The bench's driver, inside a copy of the built extension, in a Chromium that no debugger is
// attached to (an attached debugger changes what is timed). Its settings come in the URL's hash;
// it creates the database through the options page, writes the seed records, opens each page
// in a tab of its own, reads its timing there, and posts every figure to the bench (loopback).
const settings = JSON.parse(decodeURIComponent(location.hash.slice(1)));
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function report(path, body) {
  return fetch(`http://127.0.0.1:${settings.port}/${path}`, { method: 'POST', body: JSON.stringify(body) });
}

function tabLoaded(tabId) {
  return new Promise((resolve) => {
    const listener = (id, change) => {
      if (id !== tabId || change.status !== 'complete') return;
      chrome.tabs.onUpdated.removeListener(listener);
      resolve();
    };
    chrome.tabs.onUpdated.addListener(listener);
  });
}

async function openTab(url) {
  const tab = await chrome.tabs.create({ url, active: true });
  await tabLoaded(tab.id);
  return tab.id;
}

async function databaseCreated() {
  for (let tries = 0; tries < 300; tries++) {
    const databases = await indexedDB.databases();
    if (databases.some((database) => database.name === 'idiolect' && database.version > 0)) return;
    await wait(100);
  }
  throw new Error('the options page never created the database');
}

function put(store, records) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('idiolect');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const transaction = open.result.transaction(store, 'readwrite');
      for (const record of records) transaction.objectStore(store).put(record);
      transaction.oncomplete = () => {
        open.result.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

/** Whether the page shows `text`, in its text or in one of its fields. */
function shows(view, text) {
  return view.document.body.innerText.includes(text) || [...view.document.querySelectorAll('textarea')].some((field) => field.value.includes(text));
}

/**
 * Milliseconds from the tab's navigation to its mark, or, for a page without one, to its load
 * event's end. A page `over` a web page (one the bench serves) is opened for that page's tab, as
 * the popup is when it is opened in a tab of its own (`?tab=`).
 */
async function timeOf(page) {
  const webPage = page.over ? await openTab(`http://127.0.0.1:${settings.port}${page.over}`) : null;
  const tabId = await openTab(webPage === null ? page.url : `${page.url}?tab=${webPage}`);
  try {
    for (let tries = 0; tries < 500; tries++) {
      const view = chrome.extension.getViews({ tabId })[0];
      const timing = view?.performance;
      if (timing && page.mark) {
        const mark = timing.getEntriesByName(page.mark, 'mark')[0];
        if (mark && page.shows && !shows(view, page.shows)) {
          throw new Error(`${page.url} was marked ready without showing "${page.shows}"`);
        }
        if (mark) return mark.startTime;
      } else if (timing) {
        const navigation = timing.getEntriesByType('navigation')[0];
        if (navigation && navigation.loadEventEnd > 0) return navigation.loadEventEnd;
      }
      await wait(20);
    }
    throw new Error(`${page.url} never reached ${page.mark ?? 'its load event'}`);
  } finally {
    await chrome.tabs.remove(webPage === null ? [tabId] : [tabId, webPage]);
  }
}

async function run() {
  const options = await openTab('/options.html');
  await databaseCreated();
  for (const [store, records] of Object.entries(settings.seed)) await put(store, records);
  await chrome.tabs.remove(options);
  await wait(1000);
  const times = Object.fromEntries(settings.pages.map((page) => [page.name, []]));
  for (let round = 0; round < settings.runs; round++) {
    for (const page of settings.pages) {
      times[page.name].push(await timeOf(page));
      await wait(100);
    }
  }
  await report('times', times);
}

run().catch((error) => report('error', { message: String(error?.stack ?? error) }));

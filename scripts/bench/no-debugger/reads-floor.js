// The least a first screen can read before it shows anything: the tab, the kept drafts in
// session storage and the voices' records in IndexedDB, with no library and nothing drawn.
function readStores() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('idiolect');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const transaction = open.result.transaction(['settings', 'profiles', 'hypothesisSets'], 'readonly');
      transaction.objectStore('settings').getAll();
      transaction.objectStore('profiles').getAll();
      transaction.objectStore('hypothesisSets').getAll();
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

Promise.all([readStores(), chrome.tabs.query({ active: true, currentWindow: true }), chrome.storage.session.get(null)]).then(() => performance.mark('idiolect:floor'));

// The upload page's script (served as a file: the page's Content-Security-Policy allows no inline script).
// It sends the chosen or dropped files one by one (a few at a time), and puts each verdict in the list as
// it comes back. Every word it shows comes from the page (data attributes and the server's HTML), so the
// wording stays in src/messages. Without this script the form sends all files at once and the server
// answers with the results page.
'use strict';
(() => {
  const form = document.getElementById('upload-form');
  const input = document.getElementById('upload-files');
  const drop = document.getElementById('drop-zone');
  const results = document.getElementById('results');
  const list = document.getElementById('rows');
  const csvLink = document.getElementById('csv-link');
  const stats = document.getElementById('stats');
  if (!form || !input || !drop || !results || !list || !csvLink || !stats) return;
  document.documentElement.classList.add('js');
  const csrf = form.querySelector('input[name="_csrf"]').value;
  const labels = {
    pending: form.dataset.labelPending,
    network: form.dataset.labelNetwork,
    error: form.dataset.labelError,
    session: form.dataset.labelSession,
  };
  // A few requests at once keep the line busy while the server checks the previous file.
  const PARALLEL = 3;
  let batchId = null;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function rowHead(status, label, name) {
    const head = element('p', 'row-head');
    head.append(element('span', `badge badge--${status}`, label), ' ', element('span', 'row-name', name));
    return head;
  }

  function placeholder(file) {
    const row = element('li', 'row row--pending');
    row.dataset.status = 'pending';
    row.dataset.path = file.name;
    row.append(rowHead('pending', labels.pending, file.name));
    return row;
  }

  function fail(row, file, message) {
    row.className = 'row row--error';
    row.dataset.status = 'error';
    row.replaceChildren(rowHead('error', labels.error, file.name), element('p', 'row-note', message));
  }

  function updateTotals() {
    const counts = { accepted: 0, warnings: 0, rejected: 0, error: 0 };
    for (const row of list.children) {
      const status = row.dataset.status;
      if (status in counts) counts[status] += 1;
    }
    for (const [status, count] of Object.entries(counts)) {
      const cell = results.querySelector(`[data-total="${status}"]`);
      if (cell) cell.textContent = String(count);
    }
    const pending = list.querySelectorAll('[data-status="pending"]').length;
    results.setAttribute('aria-busy', pending > 0 ? 'true' : 'false');
  }

  async function send(file, row) {
    const body = new FormData();
    // The token first: the server reads the fields that come before the first file.
    body.append('_csrf', csrf);
    if (batchId !== null) body.append('lo', String(batchId));
    body.append('tep', file, file.name);
    let response;
    try {
      response = await fetch(form.action, {
        method: 'POST',
        body,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
    } catch {
      fail(row, file, labels.network);
      return;
    }
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (!response.ok || !data || typeof data.html !== 'string') {
      // A session that ended is answered by the web side's own page, not JSON: say how to sign in again.
      const fallback = response.status === 401 ? labels.session : labels.network;
      fail(row, file, (data && data.error) || fallback);
      return;
    }
    batchId = data.batchId;
    csvLink.href = data.csvUrl;
    csvLink.hidden = false;
    if (data.stats) stats.textContent = data.stats;
    const template = document.createElement('template');
    template.innerHTML = data.html;
    row.replaceWith(template.content);
  }

  async function uploadAll(files) {
    if (files.length === 0) return;
    results.hidden = false;
    const items = files.map((file) => {
      const row = placeholder(file);
      list.append(row);
      return { file, row };
    });
    updateTotals();
    let next = 0;
    // Until the server has opened the batch, one file at a time: every later file joins that batch.
    while (batchId === null && next < items.length) {
      const item = items[next++];
      await send(item.file, item.row);
      updateTotals();
    }
    const worker = async () => {
      while (next < items.length) {
        const item = items[next++];
        await send(item.file, item.row);
        updateTotals();
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }

  input.addEventListener('change', () => {
    const files = Array.from(input.files || []);
    input.value = '';
    void uploadAll(files);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const files = Array.from(input.files || []);
    input.value = '';
    void uploadAll(files);
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('drop--over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('drop--over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('drop--over');
    void uploadAll(Array.from(event.dataTransfer ? event.dataTransfer.files : []));
  });
  // A file dropped beside the zone must not make the browser leave the page to open it.
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => event.preventDefault());
})();

// The Balagh staff console: plain DOM over the HTTP API (docs/api.md), with the API key the staff
// member pastes. The key stays in this tab's sessionStorage only.
const keyStorageName = 'balagh-console-key';
const state = {
  key: sessionStorage.getItem(keyStorageName) ?? '',
  cursor: undefined,
  selected: undefined,
};

const $ = (selector) => document.querySelector(selector);
const statusLine = $('#status-line');
const actionResult = $('#action-result');

function show(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle('error', isError);
}

async function api(path, options = {}) {
  if (state.key === '') throw new Error('Paste an API key first.');
  const response = await fetch(path, {
    ...options,
    headers: {
      authorization: `Bearer ${state.key}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
  });
  const body = response.status === 204 ? undefined : await response.json();
  if (!response.ok) {
    const detail = body?.detail ?? body?.title ?? response.statusText;
    throw new Error(`${response.status} ${body?.code ?? ''}: ${detail}`);
  }
  return body;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
}

async function loadReports(append = false) {
  const form = new FormData($('#filters'));
  const query = new URLSearchParams();
  for (const [name, value] of form) if (value !== '') query.append(name, String(value));
  query.set('limit', '25');
  if (append && state.cursor) query.set('cursor', state.cursor);
  show(statusLine, 'Loading…');
  try {
    const page = await api(`/v1/reports?${query}`);
    const body = $('#reports tbody');
    if (!append) body.replaceChildren();
    for (const report of page.items) {
      const row = document.createElement('tr');
      row.tabIndex = 0;
      cell(row, report.number);
      cell(row, report.categoryCode);
      cell(row, report.departmentCode);
      cell(row, report.status + (report.closedHow ? ` (${report.closedHow})` : ''));
      cell(row, report.sla.state, `sla-${report.sla.state}`);
      cell(row, new Date(report.createdAt).toLocaleString());
      const open = () => openReport(report.id);
      row.addEventListener('click', open);
      row.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') open();
      });
      body.append(row);
    }
    state.cursor = page.nextCursor;
    $('#more').hidden = page.nextCursor === undefined;
    show(statusLine, `${body.children.length} report(s) shown.`);
  } catch (error) {
    show(statusLine, error.message, true);
  }
}

function fact(list, name, value) {
  if (value === undefined || value === null || value === '') return;
  const dt = document.createElement('dt');
  dt.textContent = name;
  const dd = document.createElement('dd');
  dd.textContent = String(value);
  list.append(dt, dd);
}

async function openReport(id) {
  try {
    const report = await api(`/v1/reports/${encodeURIComponent(id)}`);
    state.selected = report;
    $('#detail').hidden = false;
    $('#detail-title').textContent = `Report ${report.number}`;
    const facts = $('#facts');
    facts.replaceChildren();
    fact(facts, 'Status', report.status + (report.closedHow ? ` (${report.closedHow})` : ''));
    fact(facts, 'Category', report.categoryCode);
    fact(facts, 'Department', report.departmentCode);
    fact(facts, 'Priority', report.priority);
    fact(facts, 'Channel', report.channel);
    fact(facts, 'Language', report.language);
    fact(facts, 'Description', report.description);
    fact(facts, 'Landmark', report.location?.landmark);
    fact(facts, 'Reporter', report.reporter?.phone);
    fact(facts, 'SLA', report.sla.state);
    fact(
      facts,
      'Resolve by',
      report.sla.resolutionDueAt && new Date(report.sla.resolutionDueAt).toLocaleString(),
    );
    fact(
      facts,
      'Closure code',
      report.closureCode.issued
        ? `issued, ${report.closureCode.attemptsLeft} attempts left`
        : report.closureCode.locked
          ? 'locked'
          : 'none',
    );
    fact(
      facts,
      'Likely duplicates',
      report.likelyDuplicates.map((duplicate) => duplicate.number).join(', '),
    );
    const timeline = $('#timeline');
    timeline.replaceChildren();
    for (const entry of report.timeline) {
      const item = document.createElement('li');
      item.textContent = `${new Date(entry.at).toLocaleString()} — ${entry.from ?? 'new'} → ${entry.to} by ${entry.role}${entry.note ? `: ${entry.note}` : ''}`;
      timeline.append(item);
    }
    $('#assign-form').elements.departmentCode.value = report.departmentCode;
    show(actionResult, '');
  } catch (error) {
    show(actionResult, error.message, true);
  }
}

async function act(path, body, done) {
  if (state.selected === undefined) return;
  try {
    await api(`/v1/reports/${encodeURIComponent(state.selected.id)}/${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    await openReport(state.selected.id);
    await loadReports();
    show(actionResult, done);
  } catch (error) {
    show(actionResult, error.message, true);
  }
}

function withoutEmpty(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== ''));
}

$('#key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.key = $('#api-key').value.trim();
  sessionStorage.setItem(keyStorageName, state.key);
  $('#api-key').value = '';
  loadReports();
});
$('#forget-key').addEventListener('click', () => {
  state.key = '';
  sessionStorage.removeItem(keyStorageName);
  $('#reports tbody').replaceChildren();
  $('#detail').hidden = true;
  show(statusLine, 'Key forgotten.');
});
$('#filters').addEventListener('submit', (event) => {
  event.preventDefault();
  loadReports();
});
$('#more').addEventListener('click', () => loadReports(true));
$('#assign-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = Object.fromEntries(new FormData(event.target));
  act('assign', withoutEmpty(form), 'Assigned.');
});
$('#transition-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = Object.fromEntries(new FormData(event.target));
  act('transition', withoutEmpty(form), `Now ${form.to}.`);
});
$('#close-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = Object.fromEntries(new FormData(event.target));
  act('close', { code: form.code }, 'Closed as confirmed.');
  event.target.reset();
});

if (state.key !== '') loadReports();
else show(statusLine, 'Paste an API key (admin, supervisor, agent or department) to begin.');

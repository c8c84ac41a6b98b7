// The second view: the stored record and its log line, as the service has them.
const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');
try {
  const response = await fetch(`/api/records${id ? `?id=${encodeURIComponent(id)}` : ''}`);
  const { records, log } = await response.json();
  const latest = records.at(-1);
  if (!latest) {
    $('status').textContent = 'Nothing stored yet: submit the form first.';
  } else {
    $('status').textContent = `Record ${latest.record.id}, stored ${latest.storedAt}.`;
    $('status').className = 'status ready';
    const rows = Object.entries(latest.record).map(([field, value]) => {
      const tr = document.createElement('tr');
      const encrypted = typeof value === 'string' && value.startsWith('fg.');
      for (const text of [field, encrypted ? `encrypted (${value.length}-character token)` : 'plain (cleaned)']) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      tr.dataset.field = field;
      tr.dataset.encrypted = String(encrypted);
      return tr;
    });
    $('fields-body').replaceChildren(...rows);
    $('stored').textContent = JSON.stringify(latest, null, 2);
    $('log').textContent = log.join('\n');
  }
} catch (e) {
  $('status').textContent = `Could not load the records: ${e.message}`;
  $('status').className = 'status failed';
}
window.recordsReady = true;

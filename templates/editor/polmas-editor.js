// The problems of the project as `polmas check` reports them, read from masalah.json (written by `polmas edit`
// a moment after every save) and shown in the editor's bar and on masalah.html, each linked to its entry.
window.polmasProblems = (function () {
  function summary(data) {
    if (data.errors === 0 && data.warnings === 0) return 'Tidak ada masalah';
    var parts = [];
    if (data.errors) parts.push(data.errors + ' masalah');
    if (data.warnings) parts.push(data.warnings + ' peringatan');
    return parts.join(', ');
  }
  function item(problem) {
    var li = document.createElement('li');
    li.className = problem.severity === 'warning' ? 'polmas-warning' : 'polmas-error';
    var where = document.createElement(problem.editor ? 'a' : 'span');
    if (problem.editor) where.href = problem.editor;
    where.textContent = problem.where;
    li.appendChild(where);
    li.appendChild(document.createTextNode(': ' + problem.text));
    return li;
  }
  function show(badge, list, data) {
    badge.textContent = badge.tagName === 'A' ? 'Masalah: ' + summary(data) : summary(data) + '.';
    badge.className = data.errors ? 'polmas-bad' : 'polmas-ok';
    if (!list) return;
    list.replaceChildren.apply(list, data.problems.map(item));
  }
  function watch(badge, list) {
    function poll() {
      fetch('masalah.json', { cache: 'no-store' })
        .then(function (response) { return response.json(); })
        .then(function (data) { show(badge, list, data); })
        .catch(function () { badge.textContent = 'Masalah: polmas edit tidak berjalan'; });
    }
    poll();
    setInterval(poll, 2000);
  }
  function linkPreview(link) {
    fetch('polmas.json', { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (data) { link.href = data.preview; });
  }
  return { watch: watch, linkPreview: linkPreview };
})();

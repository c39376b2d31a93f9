// Export-IRJobReport: click a column header to sort a table by it (again for the other direction).
// Without scripting the tables stay in the order the steps came.
(function () {
  'use strict';
  var tables = document.querySelectorAll('table.sortable');
  for (var t = 0; t < tables.length; t++) sortable(tables[t]);

  function sortable(table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var heads = table.tHead.rows[0].cells;
    rows.forEach(function (row, i) { row.sortIndex = i; });
    table.classList.add('sorting');
    Array.prototype.forEach.call(heads, function (th, column) {
      th.tabIndex = 0;
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
      function sort() {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        rows.slice().sort(function (a, b) {
          var x = key(cellAt(a, column)), y = key(cellAt(b, column)), order;
          if (x === null || y === null) order = x === y ? 0 : (x === null ? 1 : -1);   // empty cells last, both ways
          else order = (typeof x === 'number' ? x - y : x.localeCompare(y)) * (ascending ? 1 : -1);
          return order || a.sortIndex - b.sortIndex;
        }).forEach(function (row) { body.appendChild(row); });
      }
    });
  }

  // The row's cell under the given header; a cell spanning several columns (a failure reason) has no value.
  function cellAt(row, column) {
    for (var i = 0, at = 0; i < row.cells.length; at += row.cells[i].colSpan, i++) {
      if (column < at + row.cells[i].colSpan) return row.cells[i].colSpan > 1 ? null : row.cells[i];
    }
    return null;
  }

  function key(cell) {
    if (!cell) return null;
    if (cell.hasAttribute('data-v')) {
      var v = cell.getAttribute('data-v');
      return v === '' ? null : parseFloat(v);
    }
    var text = cell.textContent.trim();
    return text === '' || text === '\u2014' ? null : text;
  }
})();

// report.html's script: draws one page of articles at a time from the JSON blob, sorts the
// market table and filters by instrument. Article text and every field are written with
// textContent (never innerHTML): the text comes from the news, which anyone can write.
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var ARTICLES = DATA.articles;
  var BY_INSTRUMENT = new Map(DATA.instruments.map(function (e) { return [e.id, e.articles]; }));
  var NAME_OF = new Map(DATA.instruments.map(function (e) { return [e.id, e.name]; }));
  var ITEMS_BY_ID = new Map();
  var state = { filter: "", page: 0 };

  var list = document.getElementById("article-list");
  var pageInfo = document.getElementById("page-info");
  var prev = document.getElementById("prev-page");
  var next = document.getElementById("next-page");
  var details = document.getElementById("item-details");
  var select = document.getElementById("instrument-filter");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // The positions of the articles the filter lets through, in report order.
  function shownPositions() {
    if (!state.filter) return null;  // all of them
    return BY_INSTRUMENT.get(state.filter) || [];
  }

  function shownCount() {
    var shown = shownPositions();
    return shown === null ? ARTICLES.length : shown.length;
  }

  function pageCount() {
    return Math.max(1, Math.ceil(shownCount() / DATA.pageSize));
  }

  function renderPage() {
    var shown = shownPositions();
    var total = shownCount();
    state.page = Math.min(state.page, pageCount() - 1);
    var first = state.page * DATA.pageSize;
    var last = Math.min(first + DATA.pageSize, total);
    var fragment = document.createDocumentFragment();
    ITEMS_BY_ID.clear();  // the items of the articles drawn, for the details of a highlight
    for (var i = first; i < last; i++) {
      fragment.appendChild(renderArticle(shown === null ? i : shown[i]));
    }
    list.replaceChildren(fragment);
    if (total === 0) list.appendChild(el("p", "empty", "No article names this instrument."));
    var filterName = state.filter ? " naming " + (NAME_OF.get(state.filter) || state.filter) : "";
    pageInfo.textContent = total === 0 ? "No articles" + filterName :
      "Articles " + (first + 1) + "–" + last + " of " + total + filterName +
      " (page " + (state.page + 1) + " of " + pageCount() + ")";
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pageCount() - 1;
  }

  function renderArticle(position) {
    var a = ARTICLES[position];
    var node = el("article", "article status-" + a.status);
    node.id = "article-" + position;
    node.dataset.position = String(position);
    node.dataset.articleId = a.id;
    node.appendChild(el("h3", null, a.title));
    var meta = el("p", "meta", a.meta ? a.meta + " · " : "");
    meta.appendChild(el("span", "status", a.status));
    node.appendChild(meta);
    if (a.error) node.appendChild(el("p", "error", "Error: " + a.error));
    node.appendChild(listOf("Warnings", "warnings", a.warnings));
    node.appendChild(listOf("Dropped items (not grounded in the text)", "dropped", a.dropped));
    a.items.forEach(function (item) { ITEMS_BY_ID.set(item.id, item); });
    if (a.text !== null) {
      node.appendChild(highlightedText(a.text, a.items));
    } else {
      node.appendChild(el("p", "missing", "The text of this article is not in the report (" +
        a.missing + "): its evidence quotes are shown instead."));
      node.appendChild(quotes(a.items));
    }
    node.appendChild(itemList(a.items));
    return node;
  }

  function listOf(title, className, lines) {
    var box = el("div", className);
    if (!lines.length) { box.hidden = true; return box; }
    box.appendChild(el("h4", null, title));
    var ul = el("ul");
    lines.forEach(function (line) { ul.appendChild(el("li", null, line)); });
    box.appendChild(ul);
    return box;
  }

  function usableSpan(item, length) {
    return item.span !== null && item.span[0] >= 0 && item.span[0] < item.span[1] &&
      item.span[1] <= length;
  }

  // The text cut at every span's ends; each piece is marked with every item covering it, so
  // spans that overlap (a move and the catalyst in its sentence) are all shown.
  function highlightedText(text, items) {
    var spanned = items.filter(function (item) { return usableSpan(item, text.length); });
    var cuts = new Set([0, text.length]);
    spanned.forEach(function (item) { cuts.add(item.span[0]); cuts.add(item.span[1]); });
    var points = Array.from(cuts).sort(function (x, y) { return x - y; });
    var box = el("div", "article-text");
    for (var i = 0; i + 1 < points.length; i++) {
      var from = points[i], to = points[i + 1];
      var piece = text.slice(from, to);
      var covering = spanned.filter(function (item) {
        return item.span[0] <= from && item.span[1] >= to;
      });
      box.appendChild(covering.length ? mark(piece, covering) : document.createTextNode(piece));
    }
    return box;
  }

  function quotes(items) {
    var ul = el("ul", "quotes");
    items.forEach(function (item) {
      var li = el("li");
      li.appendChild(mark(item.evidence, [item]));
      ul.appendChild(li);
    });
    return ul;
  }

  function mark(piece, items) {
    var node = el("mark", "hl", piece);
    var kinds = new Set(items.map(function (item) { return item.kind; }));
    kinds.forEach(function (kind) { node.classList.add("k-" + kind); });
    if (kinds.size > 1) node.classList.add("mixed");
    node.dataset.items = items.map(function (item) { return item.id; }).join(" ");
    node.title = items.map(describe).join("\n\n");
    if (state.filter && items.some(function (item) { return item.instrument === state.filter; })) {
      node.classList.add("focus");
    }
    return node;
  }

  function describe(item) {
    return item.fields.map(function (field) { return field[0] + ": " + field[1]; }).join("\n");
  }

  function itemList(items) {
    var box = el("details", "items");
    var counts = { move: 0, catalyst: 0, risk: 0 };
    items.forEach(function (item) { counts[item.kind] += 1; });
    box.appendChild(el("summary", null, counts.move + " moves, " + counts.catalyst +
      " catalysts, " + counts.risk + " risks"));
    var ol = el("ol");
    items.forEach(function (item) {
      var li = el("li", "item k-" + item.kind);
      li.appendChild(el("span", "kind", item.kind));
      var link = el("a", null, item.label);
      link.href = "#" + item.id;
      li.appendChild(link);
      if (!item.span) li.appendChild(el("span", "no-span", " (no span)"));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    return box;
  }

  // --- details of a highlight, kept open by a click ---------------------------------------

  function showDetails(node) {
    details.replaceChildren();
    var close = el("button", "close", "×");
    close.type = "button";
    close.title = "Close";
    close.addEventListener("click", function () { details.hidden = true; });
    details.appendChild(close);
    node.dataset.items.split(" ").forEach(function (id) {
      var item = ITEMS_BY_ID.get(id);
      if (!item) return;
      var dl = el("dl", "k-" + item.kind);
      item.fields.forEach(function (field) {
        dl.appendChild(el("dt", null, field[0]));
        dl.appendChild(el("dd", null, field[1]));
      });
      dl.appendChild(el("dt", null, "evidence"));
      dl.appendChild(el("dd", "evidence", item.evidence));
      details.appendChild(dl);
    });
    details.hidden = false;
  }

  list.addEventListener("click", function (event) {
    var node = event.target.closest("mark.hl");
    if (node) showDetails(node);
  });

  // --- going to an item: '#a12-m3' is move 3 of article 12 ----------------------------------

  function goToItem() {
    var found = /^#a(\d+)-[mcr]\d+$/.exec(location.hash);
    if (!found) return;
    var position = Number(found[1]);
    if (position >= ARTICLES.length) return;
    var shown = shownPositions();
    if (shown !== null && shown.indexOf(position) < 0) setFilter("");
    shown = shownPositions();
    var index = shown === null ? position : shown.indexOf(position);
    state.page = Math.floor(index / DATA.pageSize);
    renderPage();
    var target = list.querySelector('mark[data-items~="' + location.hash.slice(1) + '"]');
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.classList.add("flash");
    }
  }

  window.addEventListener("hashchange", goToItem);

  // --- the filter and the pager ------------------------------------------------------------

  function setFilter(value) {
    state.filter = value;
    state.page = 0;
    select.value = value;
    document.querySelectorAll("#market-table tbody tr").forEach(function (row) {
      row.hidden = value !== "" && row.dataset.instrument !== value;
    });
    document.querySelectorAll("#chart .bar").forEach(function (bar) {
      bar.classList.toggle("dim", value !== "" && bar.dataset.instrument !== value);
    });
  }

  select.addEventListener("change", function () { setFilter(select.value); renderPage(); });
  document.querySelectorAll("#chart .bar").forEach(function (bar) {
    bar.addEventListener("click", function () {
      setFilter(state.filter === bar.dataset.instrument ? "" : bar.dataset.instrument);
      renderPage();
    });
  });
  prev.addEventListener("click", function () { state.page -= 1; renderPage(); });
  next.addEventListener("click", function () { state.page += 1; renderPage(); });

  // --- sorting the market table ------------------------------------------------------------

  function sortBy(header) {
    var table = header.closest("table");
    var column = Array.prototype.indexOf.call(header.parentNode.children, header);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var numeric = header.dataset.type === "num";
    var body = table.tBodies[0];
    var rows = Array.from(body.rows);
    var keyed = rows.map(function (row, index) {
      var raw = row.cells[column].dataset.v;
      return { row: row, index: index, value: numeric ? (raw === "" ? null : Number(raw)) : raw };
    });
    keyed.sort(function (x, y) {
      // rows without a value go last either way; ties keep their order
      if (x.value === null || x.value === "") return (y.value === null || y.value === "") ? x.index - y.index : 1;
      if (y.value === null || y.value === "") return -1;
      var order = numeric ? x.value - y.value : String(x.value).localeCompare(String(y.value));
      return (ascending ? order : -order) || x.index - y.index;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k.row); });
    body.appendChild(fragment);
    table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  document.querySelectorAll("#market-table th").forEach(function (header) {
    header.tabIndex = 0;
    header.addEventListener("click", function () { sortBy(header); });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(header); }
    });
  });

  renderPage();
  if (location.hash) goToItem();
  // when the first page is drawn: what the tests and benchmarks/bench_report.py wait for
  document.documentElement.dataset.ready = "true";
  window.reportDrawnAt = performance.now();
})();

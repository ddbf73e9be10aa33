/* miitdata explorer: hand-written, no framework, no network. The data is window.MIITDATA (assets/data.js).
 * Every text from the data reaches the page as text nodes or attributes set with setAttribute, never
 * through innerHTML, so notes with "<script>" or quotes stay text. Each Chinese run in a text outside a
 * zh element goes into <span lang="zh"> (zhRuns, the rule of outputs/zh.py), so that screen readers
 * read it as Chinese (WCAG 3.1.2); with the labels in Chinese, English texts go into <span lang="en">.
 * Views: the facts table (#), a figure (#O0009), a source reader (#source/S000, #source/S000/M000-0008). */
(function () {
  "use strict";

  var D = window.MIITDATA;
  var UI = {
    en: {
      figuresTitle: "Figures",
      search: "Search", indicator: "Indicator", region: "Region", period: "Period", event: "Event",
      source: "Source", status: "Status", reset: "Clear", id: "id", value: "Value", sources: "Sources",
      all: "All", help: "Tab to a row and press Enter to open it; Escape goes back.",
      shown: "{n} of {t} figures", back: "← All figures", asWritten: "As written",
      comparator: "Comparator", derived: "Derived by", derivedShort: "derived", note: "Note", relations: "Relations",
      noRelations: "This figure takes part in no arithmetic relation.", discrepancies: "Known discrepancies",
      quotes: "Quotes", noQuotes: "No source states this figure: it is derived by a relation.",
      copy: "Copy citation", copied: "Citation copied", copyFailed: "Copy failed: select the text",
      read: "Read in the source", sameSentence: "Also in this sentence", chars: "characters",
      mt: "machine translation", lang: "language", quoteLang: { zh: "Chinese (中文)", en: "English" },
      excluded: "Not data", figures: "figures", target: "target", operands: "operands",
      expected: "expected", tolerance: "tolerance", holds: "holds", notFound: "Nothing here: ",
      published: "published", publisher: "publisher", kind: "kind", notStated: "not stated",
      statuses: { actual: "actual", estimate: "estimate", forecast: "forecast", target: "target" },
      legend: "Marked numbers are figures of the data (click to open); dotted ones were excluded " +
        "from the data (hover for the reason).",
    },
    zh: {
      figuresTitle: "数据",
      search: "搜索", indicator: "指标", region: "地区", period: "时期", event: "发布会", source: "来源",
      status: "状态", reset: "清除", id: "编号", value: "数值", sources: "来源数", all: "全部",
      help: "用 Tab 选中一行，按 Enter 打开；按 Escape 返回。", shown: "{n} / {t} 条数据",
      back: "← 全部数据", asWritten: "原文写法", comparator: "比较", derived: "推导自", derivedShort: "推导", note: "备注",
      relations: "算术关系", noRelations: "此数据不参与任何算术关系。", discrepancies: "已知差异",
      quotes: "引文", noQuotes: "没有来源直接陈述此数据：它由算术关系推导。", copy: "复制引用",
      copied: "已复制引用", copyFailed: "复制失败：请手动选择文字", read: "在原文中阅读",
      sameSentence: "同一句中的其他数据", chars: "字符", mt: "机器翻译", lang: "语言",
      quoteLang: { zh: "中文", en: "英文 (English)" }, excluded: "非数据", figures: "条数据",
      target: "目标", operands: "运算数", expected: "预期", tolerance: "容差", holds: "成立",
      notFound: "未找到：", published: "发布", publisher: "发布者", kind: "类型", notStated: "未注明",
      statuses: { actual: "实际", estimate: "估计", forecast: "预测", target: "目标" },
      legend: "标记的数字是数据集中的数据（点击打开）；虚线标记的数字未收入数据（悬停查看原因）。",
    },
  };

  // ------------------------------------------------------------------------------------------------
  // Indexes

  var obsById = {}, mentionById = {}, relByObs = {}, discByObs = {}, sourcesOfObs = {};
  D.observations.forEach(function (o) { obsById[o.id] = o; sourcesOfObs[o.id] = {}; });
  D.mentions.forEach(function (m) {
    mentionById[m.id] = m;
    if (sourcesOfObs[m.o]) sourcesOfObs[m.o][m.s] = true;
  });
  D.relations.forEach(function (r) {
    [r.target].concat(r.operands).forEach(function (id) {
      (relByObs[id] = relByObs[id] || []).indexOf(r) < 0 && relByObs[id].push(r);
    });
  });
  D.discrepancies.forEach(function (d) {
    d.obs.forEach(function (id) { (discByObs[id] = discByObs[id] || []).push(d); });
  });

  var state = { lang: "en", lastRow: null, missing: "" };
  try {
    if (window.localStorage && localStorage.getItem("miitdata-lang") === "zh") state.lang = "zh";
  } catch (e) { /* storage may be unavailable on file:// */ }

  function t(key) { return UI[state.lang][key]; }
  function label(table, id) {
    var row = D[table][id];
    if (!row) return id || "";
    return row[state.lang] || row.en || row.zh || id;
  }
  function display(o) { return o[state.lang]; }
  function statusLabel(s) { return t("statuses")[s] || s; }

  // ------------------------------------------------------------------------------------------------
  // Chinese runs: the rule of outputs/zh.py. Ideographs with the full-width punctuation next to them,
  // and the digits, spaces and ASCII punctuation between or right beside them (1.54万亿元,
  // 由17.84%上升为19.21%); a Latin letter ends a run. A run has at least one ideograph.

  var HAN = "\\u2e80-\\u2fdf\\u3400-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  var CJK = "[" + HAN + "\\u3000-\\u303f\\ufe30-\\ufe4f\\uff00-\\uffef\\u201c\\u201d]+";
  var NUM = "[0-9](?:[.,]?[0-9])*%?";
  var BETWEEN = "[0-9\\s!-/:-@\\[-`{-~\\u00b7\\u2026]*";
  var ZH_RUN = new RegExp("(?:(?<![A-Za-z0-9.,])" + NUM + ")?" + CJK + "(?:" + BETWEEN + CJK + ")*(?:" + NUM +
    "(?![A-Za-z0-9]))?", "gu");
  var HAN_CHAR = new RegExp("[" + HAN + "]", "u");
  var LATIN = /[A-Za-z]/;

  // [[piece, isChinese], ...], joined they give the text back
  function zhRuns(text) {
    var out = [], at = 0, m;
    ZH_RUN.lastIndex = 0;
    while ((m = ZH_RUN.exec(text)) !== null) {
      if (!HAN_CHAR.test(m[0])) continue;
      if (m.index > at) out.push([text.slice(at, m.index), false]);
      out.push([m[0], true]);
      at = m.index + m[0].length;
    }
    if (at < text.length) out.push([text.slice(at), false]);
    return out;
  }

  // A text as nodes for an element in language ctx ("zh", "en", or "" for the page's): each Chinese run
  // in <span lang="zh">, unless the element is Chinese; with the labels in Chinese (the page zh-CN),
  // the English between the runs in <span lang="en">, unless the element has a language of its own.
  function textNodes(text, ctx) {
    var tagEn = !ctx && state.lang === "zh" && LATIN.test(text);
    if (ctx === "zh" || (!tagEn && !HAN_CHAR.test(text))) return document.createTextNode(text);
    var frag = document.createDocumentFragment();
    zhRuns(text).forEach(function (p) {
      var piece = document.createTextNode(p[0]);
      var lang = p[1] ? "zh" : tagEn && LATIN.test(p[0]) ? "en" : "";
      if (lang) {
        var span = document.createElement("span");
        span.setAttribute("lang", lang);
        span.appendChild(piece);
        frag.appendChild(span);
      } else {
        frag.appendChild(piece);
      }
    });
    return frag;
  }
  function isZh(lang) { return /^zh\b/i.test(lang || ""); }
  function ctxOf(lang) { return !lang ? "" : isZh(lang) ? "zh" : "en"; }
  // The language of the element a node sits in, below the root: the root's lang follows the labels'
  // language, which the user switches without every text being drawn again.
  function contextOf(node) {
    for (var n = node; n && n !== document.documentElement; n = n.parentElement) {
      if (n.hasAttribute("lang")) return ctxOf(n.getAttribute("lang"));
    }
    return "";
  }
  function setText(node, text) {
    clear(node).appendChild(textNodes(text, contextOf(node)));
    return node;
  }

  // ------------------------------------------------------------------------------------------------
  // DOM helpers: text only, never markup from the data

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    var ctx = ctxOf(attrs && attrs.lang);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.appendChild(textNodes(String(v), ctx));
        else if (k === "cls") node.className = v;
        else node.setAttribute(k, v === true ? "" : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === "string" ? textNodes(c, ctx) : c);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function $(id) { return document.getElementById(id); }
  function obsLink(id) {
    var o = obsById[id];
    var a = el("a", { href: "#" + id, "data-link": id }, [id]);
    if (!o) return a;
    return el("span", { cls: "obs-ref" }, [
      a, " ", el("span", { cls: "value" }, [display(o)]), " ",
      el("span", { cls: "muted" }, [label("regions", o.r) + ", " + (o.p || "")]),
    ]);
  }

  // ------------------------------------------------------------------------------------------------
  // Facts table

  var rows = []; // [{o, tr, text}]

  function searchText(o) {
    var parts = [o.id, o.i, o.r, o.p, o.e, o.status, UI.zh.statuses[o.status], o.en, o.zh, o.value, o.note,
      o.derived_by];
    ["en", "zh"].forEach(function (lang) {
      var ind = D.indicators[o.i] || {}, reg = D.regions[o.r] || {};
      parts.push(ind[lang], reg[lang]);
    });
    o.m.forEach(function (mid) {
      var m = mentionById[mid];
      parts.push(mid, m.s, m.vt);
    });
    return parts.filter(Boolean).join("\u0001").toLowerCase();
  }

  function cell(text, attrs) { return el("td", attrs, [text]); }

  function buildRow(o) {
    var n = Object.keys(sourcesOfObs[o.id]).length;
    var tr = el("tr", { "data-observation": o.id, tabindex: 0 });
    fillRow(tr, o, n);
    tr.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) return;
      go("#" + o.id);
    });
    tr.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); go("#" + o.id); }
    });
    return tr;
  }

  function fillRow(tr, o, n) {
    clear(tr);
    tr.appendChild(el("td", { "data-label": t("id"), cls: "id" }, [el("a", { href: "#" + o.id, tabindex: -1 }, [o.id])]));
    tr.appendChild(cell(label("indicators", o.i), { "data-label": t("indicator"), cls: "ind" }));
    tr.appendChild(cell(label("regions", o.r), { "data-label": t("region") }));
    tr.appendChild(cell(o.p || "", { "data-label": t("period"), cls: "period" }));
    tr.appendChild(cell(display(o), { "data-label": t("value"), cls: "num value" }));
    tr.appendChild(cell(statusLabel(o.status), {
      "data-label": t("status"), cls: "status status-" + o.status,
    }));
    // a figure no source states is derived by a relation: say so (as the CLI does), not "0"
    var sourcesText = n || !o.derived_by ? String(n) : t("derivedShort") + " (" + o.derived_by + ")";
    tr.appendChild(cell(sourcesText, { "data-label": t("sources"), cls: n ? "num" : "num derived" }));
  }

  function renderTable() {
    var body = $("facts-body");
    var frag = document.createDocumentFragment();
    rows = D.observations.map(function (o) {
      var tr = buildRow(o);
      frag.appendChild(tr);
      return { o: o, tr: tr, text: searchText(o) };
    });
    clear(body).appendChild(frag);
  }

  function relabelTable() {
    rows.forEach(function (r) { fillRow(r.tr, r.o, Object.keys(sourcesOfObs[r.o.id]).length); });
  }

  var FILTERS = [
    ["f-indicator", "i", function () {
      return Object.keys(D.indicators).map(function (k) { return [k, label("indicators", k)]; });
    }],
    ["f-region", "r", function () {
      return Object.keys(D.regions).map(function (k) { return [k, label("regions", k) + " (" + k + ")"]; });
    }],
    ["f-period", "p", function () {
      var seen = {};
      D.observations.forEach(function (o) { if (o.p) seen[o.p] = true; });
      return Object.keys(seen).sort().map(function (k) { return [k, k]; });
    }],
    ["f-event", "e", function () {
      return Object.keys(D.events).map(function (k) {
        return [k, (D.events[k].date || k) + " — " + label("events", k)];
      });
    }],
    ["f-source", "s", function () {
      return Object.keys(D.sources).map(function (k) { return [k, k + " — " + (D.sources[k].title || "")]; });
    }],
    ["f-status", "status", function () {
      var seen = {};
      D.observations.forEach(function (o) { seen[o.status] = true; });
      return Object.keys(seen).sort().map(function (k) { return [k, statusLabel(k)]; });
    }],
  ];

  function used(field) {
    var seen = {};
    if (field === "s") {
      D.mentions.forEach(function (m) { seen[m.s] = true; });
    } else {
      D.observations.forEach(function (o) { seen[o[field]] = true; });
    }
    return seen;
  }

  function renderFilters() {
    FILTERS.forEach(function (f) {
      var select = $(f[0]), keep = select.value, seen = used(f[1]);
      clear(select).appendChild(el("option", { value: "" }, [t("all")]));
      f[2]().filter(function (p) { return seen[p[0]]; })
        .sort(function (a, b) { return a[1].localeCompare(b[1]); })
        .forEach(function (p) { select.appendChild(el("option", { value: p[0] }, [p[1]])); });
      select.value = keep;
      if (select.value !== keep) select.value = "";
    });
  }

  function applyFilters() {
    var words = $("q").value.toLowerCase().split(/\s+/).filter(Boolean);
    var want = {};
    FILTERS.forEach(function (f) { var v = $(f[0]).value; if (v) want[f[1]] = v; });
    var shown = 0;
    rows.forEach(function (r) {
      var ok = words.every(function (w) { return r.text.indexOf(w) >= 0; });
      Object.keys(want).forEach(function (field) {
        if (!ok) return;
        if (field === "s") ok = !!sourcesOfObs[r.o.id][want.s];
        else ok = r.o[field] === want[field];
      });
      r.tr.hidden = !ok;
      if (ok) shown += 1;
    });
    setText($("count"), t("shown").replace("{n}", shown).replace("{t}", rows.length));
  }

  // ------------------------------------------------------------------------------------------------
  // A figure

  function quoteLanguage(m) {
    var lang = (D.sources[m.s] || {}).language || "";
    if (lang === "zh" || lang === "en") return lang;
    return /[\u3400-\u9fff]/.test(D.texts[m.s].slice(m.start, m.end)) ? "zh" : "en";
  }

  function valueMark(m, ctx) {
    var text = D.texts[m.s].slice(m.vs, m.ve);
    return el("mark", {
      "data-observation": m.o, "data-mention": m.id, "data-start": m.vs, "data-end": m.ve,
    }, [textNodes(text, ctx)]);
  }

  function context(m) {
    var text = D.texts[m.s], pad = 120;
    var a = Math.max(0, m.start - pad), b = Math.min(text.length, m.end + pad);
    var qa = Math.min(m.start, m.vs), qb = Math.max(m.end, m.ve);
    var ctx = quoteLanguage(m);
    var block = el("blockquote", { cls: "context", lang: ctx === "zh" ? "zh-CN" : "en" });
    block.appendChild(textNodes((a > 0 ? "… " : "") + text.slice(a, qa), ctx));
    var quote = el("span", { cls: "quote" }, [
      textNodes(text.slice(qa, m.vs), ctx), valueMark(m, ctx), textNodes(text.slice(m.ve, qb), ctx),
    ]);
    block.appendChild(quote);
    block.appendChild(textNodes(text.slice(qb, b) + (b < text.length ? " …" : ""), ctx));
    return block;
  }

  function sourceLine(sid) {
    var s = D.sources[sid] || {};
    return el("p", { cls: "source-line" }, [
      el("a", { href: "#source/" + sid, cls: "sid" }, [sid]), " ",
      el("span", { cls: "title" }, [s.title || ""]), " · ",
      (s.publisher || t("notStated")) + " · " + (s.date || ""), " · ",
      el("span", { cls: "badge" }, [t("lang") + ": " + (s.language || "?")]),
      s.mt ? " " : null, s.mt ? el("span", { cls: "badge mt" }, [t("mt")]) : null,
    ]);
  }

  function quoteCard(m) {
    var same = (m.same || []).filter(function (id) { return obsById[id]; });
    var card = el("article", { cls: "quote-card", "data-mention": m.id }, [
      sourceLine(m.s),
      context(m),
      el("p", { cls: "meta" }, [
        m.id + " · " + t("chars") + " " + m.start + "–" + m.end + " · " + t("asWritten") + ": ",
        el("q", {}, [m.vt]),
      ]),
      m.note ? el("p", { cls: "note" }, [m.note]) : null,
      same.length ? el("div", { cls: "same" }, [
        el("span", { cls: "muted" }, [t("sameSentence") + ": "]),
        el("ul", {}, same.map(function (id) { return el("li", {}, [obsLink(id)]); })),
      ]) : null,
      el("p", { cls: "actions" }, [
        el("button", { type: "button", cls: "copy", "data-mention": m.id }, [t("copy")]),
        " ",
        el("a", { href: "#source/" + m.s + "/" + m.id }, [t("read")]),
        " ", el("span", { cls: "copy-status", role: "status" }, []),
      ]),
    ]);
    return card;
  }

  function relationItem(r) {
    var operands = r.operands.length
      ? el("span", {}, [t("operands") + ": "].concat(r.operands.map(function (id, i) {
        return el("span", {}, [i ? "; " : "", obsLink(id)]);
      })))
      : null;
    return el("li", { cls: "relation", "data-relation": r.id }, [
      el("strong", {}, [r.id + " · " + (r.kind || "")]), " ",
      el("code", { cls: "statement" }, [r.statement || ""]),
      el("div", {}, [t("target") + ": ", obsLink(r.target)]),
      operands ? el("div", {}, [operands]) : null,
      el("div", { cls: "muted" }, [
        t("expected") + ": " + (r.expected === "holds" ? t("holds") : r.expected || "") +
        " · " + t("tolerance") + ": " + (r.tolerance || ""),
      ]),
      r.note ? el("div", { cls: "note" }, [r.note]) : null,
    ]);
  }

  function discrepancyItem(d) {
    return el("li", { cls: "discrepancy", "data-discrepancy": d.id }, [
      el("strong", {}, [d.id + " · " + (d.kind || "") + " · " + (d.error_type || "")]),
      " (" + (d.resource || "") + " " + d.targets.join(" ") + ")",
      el("p", {}, [d.explanation || ""]),
    ]);
  }

  function dlRow(dl, term, value) {
    dl.appendChild(el("dt", {}, [term]));
    dl.appendChild(el("dd", {}, [value]));
  }

  function renderFigure(id) {
    var o = obsById[id], view = clear($("figure-view"));
    var ind = D.indicators[o.i] || {}, reg = D.regions[o.r] || {};
    var mentions = o.m.map(function (mid) { return mentionById[mid]; });
    var written = [];
    mentions.forEach(function (m) { if (written.indexOf(m.vt) < 0) written.push(m.vt); });

    view.appendChild(el("p", { cls: "crumbs" }, [el("a", { href: "#", cls: "back" }, [t("back")])]));
    view.appendChild(el("h1", { tabindex: -1, id: "figure-title" }, [
      el("span", { cls: "oid" }, [o.id]), " ", label("indicators", o.i),
    ]));
    view.appendChild(el("p", { cls: "big-value", "data-observation": o.id }, [display(o)]));
    var dl = el("dl", { cls: "facts" });
    dlRow(dl, t("asWritten"), written.length ? written.join(" · ") : "—");
    dlRow(dl, t("indicator"), el("span", {}, [
      (ind.en || o.i) + " / ", el("span", { lang: "zh-CN" }, [ind.zh || ""]), " ",
      el("code", {}, [o.i]),
    ]));
    dlRow(dl, t("region"), el("span", {}, [
      (reg.en || o.r) + " / ", el("span", { lang: "zh-CN" }, [reg.zh || ""]), " ", el("code", {}, [o.r]),
    ]));
    dlRow(dl, t("period"), o.p || "");
    var status = statusLabel(o.status);
    dlRow(dl, t("status"), status === o.status ? status : status + " (" + o.status + ")");
    dlRow(dl, t("event"), (o.e || "") + (D.events[o.e] ? " — " + label("events", o.e) : ""));
    if (o.cmp && o.cmp !== "=") dlRow(dl, t("comparator"), o.cmp);
    if (o.derived_by) dlRow(dl, t("derived"), o.derived_by);
    if (o.note) dlRow(dl, t("note"), o.note);
    view.appendChild(dl);

    var rels = relByObs[o.id] || [];
    view.appendChild(el("h2", {}, [t("relations") + " (" + rels.length + ")"]));
    view.appendChild(rels.length ? el("ul", { cls: "relations" }, rels.map(relationItem))
      : el("p", { cls: "muted" }, [t("noRelations")]));

    var discs = discByObs[o.id] || [];
    if (discs.length) {
      view.appendChild(el("h2", {}, [t("discrepancies") + " (" + discs.length + ")"]));
      view.appendChild(el("ul", { cls: "discrepancies" }, discs.map(discrepancyItem)));
    }

    var nSources = Object.keys(sourcesOfObs[o.id]).length;
    view.appendChild(el("h2", {}, [t("quotes") + " (" + (nSources || !o.derived_by
      ? mentions.length + ", " + nSources + " " + t("sources").toLowerCase()
      : t("derivedShort") + " " + o.derived_by) + ")"]));
    if (!mentions.length) {
      view.appendChild(el("p", { cls: "muted" }, [t("noQuotes")]));
      return;
    }
    var cols = { zh: [], en: [] };
    mentions.forEach(function (m) { cols[quoteLanguage(m)].push(m); });
    var grid = el("div", { cls: "quotes" });
    ["zh", "en"].forEach(function (lang) {
      if (!cols[lang].length) return;
      grid.appendChild(el("section", { cls: "quote-col", "data-lang": lang }, [
        el("h3", {}, [t("quoteLang")[lang]]),
      ].concat(cols[lang].map(quoteCard))));
    });
    view.appendChild(grid);
  }

  // ------------------------------------------------------------------------------------------------
  // A source

  function renderSource(sid, focusMention) {
    var s = D.sources[sid], text = D.texts[sid], view = clear($("source-view"));
    var marks = D.marks[sid] || [];
    var nMentions = D.mentions.filter(function (m) { return m.s === sid; }).length;
    var nExcluded = marks.filter(function (k) { return !k[2].length; }).length;
    view.appendChild(el("p", { cls: "crumbs" }, [el("a", { href: "#", cls: "back" }, [t("back")])]));
    view.appendChild(el("h1", { tabindex: -1, id: "source-title" }, [
      el("span", { cls: "oid" }, [sid]), " ", s.title || "",
    ]));
    view.appendChild(el("p", { cls: "source-meta" }, [
      t("publisher") + ": " + (s.publisher || t("notStated")) + " · " + t("published") + ": " +
      (s.date || "") + " · " + t("lang") + ": " + (s.language || "") + " · " + t("kind") + ": " +
      (s.kind || "") + (s.mt ? " · " + t("mt") : "") + " · " + nMentions + " " + t("quotes").toLowerCase() +
      (nExcluded ? " · " + nExcluded + " " + t("excluded").toLowerCase() : ""),
    ]));
    view.appendChild(el("p", { cls: "legend muted" }, [t("legend")]));
    // a text in two languages (en+zh) is English with its Chinese runs tagged, offsets unchanged
    var ctx = s.language === "zh" ? "zh" : "en";
    var body = el("div", { cls: "source-text", lang: ctx === "zh" ? "zh-CN" : "en" });
    var at = 0;
    marks.forEach(function (k) {
      var a = k[0], b = k[1], ids = k[2], reason = k[3];
      if (a < at) return;
      body.appendChild(textNodes(text.slice(at, a), ctx));
      var piece = text.slice(a, b);
      if (ids.length) {
        var inner = textNodes(piece, ctx), titles = [];
        ids.slice().reverse().forEach(function (mid) {
          var m = mentionById[mid], o = obsById[m.o];
          inner = el("mark", {
            "data-observation": m.o, "data-mention": mid, "data-start": a, "data-end": b,
          }, [inner]);
          if (o) titles.unshift(o.id + ": " + label("indicators", o.i) + ", " + label("regions", o.r) +
            ", " + (o.p || "") + " = " + display(o));
        });
        body.appendChild(el("a", { href: "#" + mentionById[ids[0]].o, cls: "fig", title: titles.join("\n") },
          [inner]));
      } else {
        body.appendChild(el("span", {
          cls: "excluded", title: t("excluded") + ": " + reason, "data-excluded": "", tabindex: 0,
        }, [textNodes(piece, ctx)]));
      }
      at = b;
    });
    body.appendChild(textNodes(text.slice(at), ctx));
    view.appendChild(body);
    if (focusMention) {
      var target = body.querySelector('mark[data-mention="' + cssEscape(focusMention) + '"]');
      if (target) {
        target.classList.add("target");
        return target;
      }
    }
    return null;
  }

  // "Nothing here: #hash" for a hash that names nothing, in the labels' language
  function showNotice() {
    setText($("notice"), state.missing ? t("notFound") + "#" + state.missing : "");
    $("notice").hidden = !state.missing;
  }

  function cssEscape(s) { return String(s).replace(/[^A-Za-z0-9_-]/g, "\\$&"); }

  // ------------------------------------------------------------------------------------------------
  // Routing

  function go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  function show(which) {
    $("facts-view").hidden = which !== "facts";
    $("figure-view").hidden = which !== "figure";
    $("source-view").hidden = which !== "source";
    document.body.setAttribute("data-view", which);
  }

  function route() {
    var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
    var m;
    if (hash && obsById[hash]) {
      renderFigure(hash);
      state.lastRow = hash;
      show("figure");
      window.scrollTo(0, 0);
      $("figure-title").focus({ preventScroll: true });
      document.title = hash + " — " + D.name + " " + D.version;
    } else if ((m = /^source\/([^/]+)(?:\/(.+))?$/.exec(hash)) && D.sources[m[1]]) {
      var target = renderSource(m[1], m[2]);
      show("source");
      if (target) {
        target.scrollIntoView({ block: "center" });
        target.closest("a").focus({ preventScroll: true });
      } else {
        window.scrollTo(0, 0);
        $("source-title").focus({ preventScroll: true });
      }
      document.title = m[1] + " — " + D.name + " " + D.version;
    } else {
      show("facts");
      document.title = D.name + " " + D.version + " — explorer";
      state.missing = hash;
      showNotice();
      var row = state.lastRow && document.querySelector('tr[data-observation="' + cssEscape(state.lastRow) + '"]');
      if (row && !row.hidden) {
        row.focus({ preventScroll: true });
        row.scrollIntoView({ block: "nearest" });
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Language, copying, keys

  function setLang(lang) {
    state.lang = lang;
    try { localStorage.setItem("miitdata-lang", lang); } catch (e) { /* ignore */ }
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.querySelectorAll("[data-lang]").forEach(function (b) {
      if (b.tagName === "BUTTON") b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang));
    });
    document.querySelectorAll("[data-t]").forEach(function (node) {
      var text = UI[lang][node.getAttribute("data-t")];
      if (typeof text === "string") setText(node, text);
    });
    renderFilters();
    relabelTable();
    applyFilters();
    if (!$("figure-view").hidden || !$("source-view").hidden) route();
    else showNotice();
  }

  function copyText(text, status) {
    function done(ok) { setText(status, ok ? t("copied") : t("copyFailed")); }
    function fallback() {
      var area = el("textarea", { readonly: true, cls: "offscreen" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      done(ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest("button.copy");
    if (button) {
      var m = mentionById[button.getAttribute("data-mention")];
      copyText(m.cite, button.parentNode.querySelector(".copy-status"));
      return;
    }
    var lang = ev.target.closest("button[data-lang]");
    if (lang) setLang(lang.getAttribute("data-lang"));
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && (!$("figure-view").hidden || !$("source-view").hidden)) {
      ev.preventDefault();
      go("#");
    }
  });

  function init() {
    var links = $("source-links");
    Object.keys(D.sources).forEach(function (sid) {
      links.appendChild(el("a", { href: "#source/" + sid, title: D.sources[sid].title || "" }, [sid]));
      links.appendChild(document.createTextNode(" "));
    });
    $("datasheet-link").setAttribute("href", D.datasheet);
    renderTable();
    setLang(state.lang);
    $("q").addEventListener("input", applyFilters);
    FILTERS.forEach(function (f) { $(f[0]).addEventListener("change", applyFilters); });
    $("filters").addEventListener("submit", function (ev) { ev.preventDefault(); });
    $("filters").addEventListener("reset", function () { setTimeout(applyFilters, 0); });
    window.addEventListener("hashchange", route);
    route();
    document.body.setAttribute("data-ready", "1");
    if (window.performance && performance.mark) performance.mark("miitdata-table-rendered");
  }

  init();
})();

// Search page: runs Pagefind in the browser, reads the query and filters from the URL so a
// search can be shared as a link, and announces the number of results to screen readers.
// Everything comes from this site; no request leaves it.
(function () {
  "use strict";
  var root = document.getElementById("cautare");
  if (!root) return;
  // Every address comes from the page, which takes them from src/urls.rs: the site's base path,
  // the search bundle's folder, and the two files the build adds to it.
  var base = root.getAttribute("data-base");
  var bundle = root.getAttribute("data-bundle");
  var menusUrl = root.getAttribute("data-menus");
  var shardsUrl = root.getAttribute("data-shards");
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("rezultate");
  // The filter menus sit in a disclosure: on a phone they would take the whole first screen and
  // push the results out of sight, so there it starts closed unless a filter is chosen.
  var filterDisclosure = document.getElementById("filtre");
  var filterBox = document.getElementById("filtre-campuri");
  var more = document.getElementById("mai-multe");
  var filterNames = JSON.parse(root.getAttribute("data-filters"));
  var selects = {};

  function params() {
    var p = new URLSearchParams(window.location.search);
    var filters = {};
    filterNames.forEach(function (f) {
      var v = p.get(f.param);
      if (v) filters[f.name] = v;
    });
    return { q: p.get("q") || "", filters: filters };
  }

  // The address of a search, so that it can be shared, bookmarked, and reached with Back.
  function remember(q, filters, how) {
    var p = new URLSearchParams();
    if (q) p.set("q", q);
    filterNames.forEach(function (f) {
      if (filters[f.name]) p.set(f.param, filters[f.name]);
    });
    var query = p.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (how === "keep" || url === window.location.pathname + window.location.search) return;
    if (how === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  // Pagefind marks matches with <mark>; everything else is shown as text, never as markup.
  function excerptNode(excerpt) {
    var span = document.createElement("span");
    excerpt.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      var text = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&"));
      if (inMark) {
        var mark = document.createElement("mark");
        mark.appendChild(text);
        span.appendChild(mark);
      } else {
        span.appendChild(text);
      }
      return inMark;
    }, false);
    return span;
  }

  // A result: its title (for an objective or activity, its own text, shortened by the build),
  // the line saying what and where it is (`Activitate 1.3.1 · Plan … · Cluj`), and the excerpt.
  function resultItem(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    var heading = document.createElement("h2");
    heading.appendChild(link);
    li.appendChild(heading);
    var where = document.createElement("p");
    where.className = "meta";
    where.textContent = data.meta.where || [data.meta.kind, data.meta.county, data.meta.plan].filter(Boolean).join(" · ");
    li.appendChild(where);
    var excerpt = document.createElement("p");
    excerpt.appendChild(excerptNode(data.excerpt || ""));
    li.appendChild(excerpt);
    return li;
  }

  function currentFilters() {
    var filters = {};
    filterNames.forEach(function (f) {
      var s = selects[f.name];
      if (s && s.value) filters[f.name] = s.value;
    });
    return filters;
  }

  // Romanian word forms Pagefind's stemmer keeps apart. "școală"/"școala" and "școli": the oa/o
  // alternation, taken only at the end of a word (școală, școala, școale, școalei, as boală/boli;
  // a wider rule turned "coaliție" into "coliție"), so "scoala" is searched as "scola", which
  // Pagefind stems and completes as it does "școli". "copiii": the article's extra i, so
  // "copiii străzii" finds "copiilor străzii" as "copii străzii" does. The query is searched as
  // typed and in this form, and the results of both are shown together. Pagefind itself folds
  // diacritics ("scoli" finds "școli") and case.
  function folded(q) {
    return q.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function reduced(q) {
    return folded(q).split(/\s+/).map(function (word) {
      return word.replace(/oal(a|e|ei)$/, "ol$1").replace(/iii$/, "ii");
    }).join(" ");
  }

  // Every result of `q` and its reduced form, each once, best first.
  async function searchAll(q, filters) {
    var queries = [q];
    var other = reduced(q);
    // Pagefind folds diacritics and case itself: only a different word is worth a second search.
    if (other !== folded(q)) queries.push(other);
    var named = filters[COUNTY] ? [] : countiesNamed(q);
    var first = await Promise.all(named.map(function (county) {
      var only = Object.assign({}, filters);
      only[COUNTY] = county;
      return searchScope(queries, only);
    }));
    var rest = await searchScope(queries, filters);
    // The named counties' results first, then the others, each once.
    var seen = {};
    return first.concat([rest]).reduce(function (all, results) {
      return all.concat(results.filter(function (r) {
        if (seen[r.id]) return false;
        seen[r.id] = true;
        return true;
      }));
    }, []);
  }

  // Every result of the `queries` in the scope of `filters`, each once, best first.
  async function searchScope(queries, filters) {
    var pagefind = await scopeFor(filters);
    var searches = await Promise.all(queries.map(function (query) {
      return pagefind.search(query, { filters: filters });
    }));
    var byId = {};
    searches.forEach(function (search) {
      search.results.forEach(function (r) {
        if (!byId[r.id] || byId[r.id].score < r.score) byId[r.id] = r;
      });
    });
    return Object.keys(byId).map(function (id) { return byId[id]; }).sort(function (a, b) { return b.score - a.score; });
  }

  // The counties a query names ("caras" names Caraș-Severin). A large county's records are in
  // shards of their own, where the county's name is in every record: Pagefind weighs a word by
  // how rare it is in its shard, so there the name weighs nearly nothing and the county's own
  // results would rank below chance matches in other counties. A query that names a county
  // shows that county's results first.
  function countiesNamed(q) {
    var words = folded(q).split(/[\s-]+/).filter(function (w) { return w.length >= 3; });
    var counties = (menus && menus.values[COUNTY]) || [];
    return counties.filter(function (county) {
      return folded(county).split(/[\s-]+/).some(function (part) {
        return words.some(function (w) { return part.indexOf(w) === 0; });
      });
    });
  }

  var PAGE = 30;
  // Each search takes a number; one that a later search overtook while it waited for Pagefind
  // shows nothing, so two searches in a row never show their results twice or mixed.
  var generation = 0;
  var found = { q: "", results: [], shown: 0 };

  function countText(n) {
    return n === 1 ? "Un rezultat" : n + (n >= 20 && (n % 100 === 0 || n % 100 >= 20) ? " de rezultate" : " rezultate");
  }

  function showStatus() {
    var n = found.results.length;
    var q = found.q;
    status.textContent = n === 0
      ? "Niciun rezultat pentru „" + q + "”."
      : countText(n) + " pentru „" + q + "”" + (n > found.shown ? "; se arată primele " + found.shown + "." : ".");
    var rest = n - found.shown;
    more.hidden = rest <= 0;
    more.textContent = "Mai multe rezultate (încă " + Math.min(PAGE, rest) + " din " + rest + ")";
  }

  // The items of the next page of results, or null when a later search overtook this one.
  async function nextItems(mine) {
    var next = found.results.slice(found.shown, found.shown + PAGE);
    var data = await Promise.all(next.map(function (r) { return r.data(); }));
    if (mine !== generation) return null;
    found.shown += next.length;
    return data.map(resultItem);
  }

  // Runs the search in the box with the chosen filters. `how` says what becomes of the address:
  // "push" (a new search: Back returns to the one before), "replace" (the address already says
  // it, or only the arrival), "keep" (Back or Forward brought it).
  async function run(how) {
    var q = input.value.trim();
    var filters = currentFilters();
    remember(q, filters, how);
    var mine = ++generation;
    if (!q) {
      list.textContent = "";
      more.hidden = true;
      found = { q: "", results: [], shown: 0 };
      status.textContent = "Scrieți un cuvânt de căutat.";
      return;
    }
    status.textContent = "Se caută…";
    list.setAttribute("aria-busy", "true");
    var results = await searchAll(q, filters);
    if (mine !== generation) return;
    found = { q: q, results: results, shown: 0 };
    var items = await nextItems(mine);
    if (!items) return;
    // The old results are replaced by the new in one step: the list is never empty in between,
    // so the page does not shrink and grow back.
    list.replaceChildren.apply(list, items);
    list.removeAttribute("aria-busy");
    showStatus();
  }

  more.addEventListener("click", async function () {
    var first = found.shown;
    more.disabled = true;
    var items = await nextItems(generation);
    more.disabled = false;
    if (!items) return;
    items.forEach(function (item) { list.appendChild(item); });
    showStatus();
    // Keyboard and screen-reader users continue from the first new result.
    var link = list.children[first] && list.children[first].querySelector("a");
    if (link) link.focus();
  });

  // The menus' values come from the build (data-menus), not from Pagefind's
  // filters(), which loads every shard's filter index. Institutions are listed by county: the
  // national ones always, a county's own once that county is chosen.
  var menus = null;
  var countyInstitutions = {};
  var INSTITUTION = "instituție";
  var COUNTY = "județ";

  function sorted(values) {
    return values.slice().sort(function (a, b) { return a.localeCompare(b, "ro"); });
  }

  function fillOptions(select, values, chosen) {
    select.textContent = "";
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "toate";
    select.appendChild(all);
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v;
      o.textContent = v;
      if (chosen === v) o.selected = true;
      select.appendChild(o);
    });
  }

  async function institutionsOf(county) {
    var file = county && menus.county_institutions[county];
    if (!file) return [];
    if (!countyInstitutions[file]) {
      var response = await fetch(bundle + file);
      countyInstitutions[file] = response.ok ? await response.json() : [];
    }
    return countyInstitutions[file];
  }

  // The institutions menu for the chosen county; a chosen institution stays in it (a shared
  // link may name one without its county).
  async function fillInstitutions(chosen) {
    var select = selects[INSTITUTION];
    if (!select) return;
    var county = selects[COUNTY] ? selects[COUNTY].value : "";
    var values = menus.institutions.concat(await institutionsOf(county));
    if (chosen && values.indexOf(chosen) < 0) values.push(chosen);
    fillOptions(select, sorted(values), chosen);
  }

  async function buildFilters(initial) {
    var response = await fetch(menusUrl);
    menus = response.ok ? await response.json() : { values: {}, institutions: [], county_institutions: {} };
    filterNames.forEach(function (f) {
      var isInstitution = f.name === INSTITUTION;
      var values = isInstitution ? [] : sorted(menus.values[f.name] || []);
      if (!isInstitution && values.length === 0) return;
      if (isInstitution && menus.institutions.length === 0 && Object.keys(menus.county_institutions).length === 0) return;
      var id = "filtru-" + f.param;
      var label = document.createElement("label");
      label.setAttribute("for", id);
      label.textContent = f.label;
      var select = document.createElement("select");
      select.id = id;
      fillOptions(select, values, initial[f.name]);
      select.addEventListener("change", async function () {
        if (f.name === COUNTY) await fillInstitutions(selects[INSTITUTION] && selects[INSTITUTION].value);
        run("push");
      });
      var wrap = document.createElement("div");
      wrap.className = "filter";
      wrap.appendChild(label);
      wrap.appendChild(select);
      filterBox.appendChild(wrap);
      selects[f.name] = select;
    });
    await fillInstitutions(initial[INSTITUTION]);
    filterDisclosure.open = window.matchMedia("(min-width: 48rem)").matches || Object.keys(initial).length > 0;
    filterDisclosure.hidden = false;
  }

  // The index is split into shards by county (src/search/): the bundle itself is the first
  // (national bodies and generic actors, and small counties), the file at data-shards lists the
  // others (folders in the bundle) with their counties. A search filtered by county searches
  // only the shards holding that county, a fraction of the index; one without merges them all.
  // Each such scope is a Pagefind instance of its own, made when first needed and then kept:
  // Pagefind cannot take a merged shard out again.
  var pagefindModule = null;
  var shardList = [];
  var scopes = {};

  function scopeFor(filters) {
    var county = filters[COUNTY] || "";
    if (!scopes[county]) scopes[county] = openScope(county);
    return scopes[county];
  }

  async function openScope(county) {
    // The index stores site paths (src/search/): Pagefind puts the base path in front of each
    // result, once. Given here rather than guessed by Pagefind from where its script lives.
    var scope = pagefindModule.createInstance({ basePath: bundle, baseUrl: base });
    await scope.init();
    var wanted = shardList.filter(function (s) { return !county || s.counties.indexOf(county) >= 0; });
    await Promise.all(wanted.map(function (s) {
      return scope.mergeIndex(bundle + s.path, { baseUrl: base });
    }));
    return scope;
  }

  // Back or Forward to an earlier search: the box and the menus take the address's values and
  // that search runs again, without adding to the history.
  async function restore() {
    var wanted = params();
    input.value = wanted.q;
    filterNames.forEach(function (f) {
      if (selects[f.name] && f.name !== INSTITUTION) selects[f.name].value = wanted.filters[f.name] || "";
    });
    await fillInstitutions(wanted.filters[INSTITUTION]);
    if (selects[INSTITUTION]) selects[INSTITUTION].value = wanted.filters[INSTITUTION] || "";
    if (Object.keys(wanted.filters).length > 0) filterDisclosure.open = true;
    await run("keep");
  }

  async function start() {
    // The script's name is Pagefind's own, the same in every bundle.
    pagefindModule = await import(bundle + "pagefind.js");
    var response = await fetch(shardsUrl);
    shardList = response.ok ? await response.json() : [];
    // The index of the address's search loads while the menus are made.
    await Promise.all([scopeFor(params().filters), buildFilters(params().filters)]);
    window.addEventListener("popstate", restore);
    if (input.value.trim()) await run("replace");
    document.getElementById("search-js").hidden = false;
  }

  // The query of the address is in the box at once, before the index loads; a search submitted
  // before the index is ready runs when it is, instead of reloading the page.
  input.value = params().q;
  var started = start();
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    started.then(function () { run("push"); });
  });
  started.catch(function () {
    status.textContent = "Căutarea nu a putut porni în acest browser.";
  });
})();

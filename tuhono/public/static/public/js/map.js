/* Tūhono partnerships map: d3-geo over Natural Earth (world-atlas), Pacific-centred, no other origin.
 * Markers are clustered in screen space so that no two targets are closer than MIN_GAP pixels:
 * every target stays at least 24 px (WCAG 2.2 target size) and 30,000 pairs draw as a few hundred.
 * A register too large to send whole comes grouped by the server for the zoom and area shown
 * (tuhono/api/map_clusters.py); the map asks again as it zooms and moves.
 * State (filters, zoom, centre, chosen partnership) lives in the query string. */
(function () {
  "use strict";
  var root = document.querySelector("[data-map]");
  if (!root || !window.d3 || !window.topojson || !window.fetch) return;
  var d3 = window.d3;
  var NS = "http://www.w3.org/2000/svg";
  var MIN_GAP = 26;
  var MAX_ZOOM = 64;
  var LEVEL0_CELL = 11.25, MAX_LEVEL = 10; // the server's grid: 11.25° cells, halved at each level
  var FILTERS = ["q", "country", "kind", "focus", "status", "decade", "council"];
  var labels = {};
  Object.keys(root.dataset).forEach(function (key) {
    if (key.indexOf("label") === 0) labels[key.slice(5).toLowerCase()] = root.dataset[key];
  });
  var canvas = root.querySelector(".map-canvas");
  var panel = root.querySelector(".map-panel");
  var panelTitle = panel.querySelector(".map-panel-title");
  var panelBody = panel.querySelector(".map-panel-body");
  var status = root.querySelector(".map-status");
  var form = document.querySelector("form[data-map-filters]");
  var dateFormat = new Intl.DateTimeFormat("en-NZ", { day: "numeric", month: "long", year: "numeric" });
  var monthFormat = new Intl.DateTimeFormat("en-NZ", { month: "long", year: "numeric" });

  var width = 0, height = 0, projection, geoPath;
  var view = { k: 1, x: 0, y: 0 };
  var features = [], councils = {}, countries = null, chosen = null, opener = null;
  var baseSrc = "", pendingSlug = "", grouped = null, total = 0, countryNames = {}, countryCodes = {}, refineTimer = 0, wanted = "";
  var frame = 0, urlTimer = 0, firstMarker = false;

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    for (var key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function html(name, text, cls) {
    var node = document.createElement(name);
    if (text != null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  var svg = el("svg", { class: "map-svg", role: "group", "aria-labelledby": "map-heading", "aria-describedby": "map-help" });
  var world = el("g", { class: "map-world", "aria-hidden": "true" }, svg);
  var sphere = el("path", { class: "map-sphere" }, world);
  var land = el("g", { class: "map-countries" }, world);
  var line = el("path", { class: "map-line" }, world);
  var allianceLayer = el("g", { class: "map-alliances" }, world);
  var alliances = [];
  var councilLayer = el("g", { class: "map-councils", "aria-hidden": "true" }, svg);
  var markerLayer = el("g", { class: "map-markers" }, svg);
  canvas.appendChild(svg);
  root.classList.add("map-ready");

  /* ---------- projection and view ---------- */
  function layout() {
    var rect = canvas.getBoundingClientRect();
    var w = Math.max(200, Math.round(rect.width)), h = Math.max(200, Math.round(rect.height));
    if (w === width && h === height) return false;
    var centre = width ? invert([width / 2, height / 2]) : null;
    width = w; height = h;
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    // Centred on the 180° meridian: New Zealand, Asia and the Americas on one unbroken map.
    projection = d3.geoNaturalEarth1().rotate([-180, 0]).fitExtent([[4, 4], [w - 4, h - 4]], {
      type: "MultiPoint", coordinates: [[0.01, 0], [359.99, 0], [180, 84], [180, -58]]
    });
    geoPath = d3.geoPath(projection).digits(1);
    sphere.setAttribute("d", geoPath({ type: "Sphere" }));
    project();
    drawCountries();
    drawAlliances();
    return centre;
  }
  function project() {
    // Where the markers and the councils' stars fall with the current projection (before zoom and pan).
    features.forEach(function (f) { f.p = projection(f.geometry.coordinates); });
    Object.keys(councils).forEach(function (slug) {
      var c = councils[slug];
      c.p = c.coordinates ? projection(c.coordinates) : null;
    });
  }
  function invert(point) { return projection.invert([(point[0] - view.x) / view.k, (point[1] - view.y) / view.k]); }
  function centreOn(lonlat, k) {
    var p = projection(lonlat);
    view.k = Math.max(1, Math.min(MAX_ZOOM, k));
    view.x = width / 2 - p[0] * view.k;
    view.y = height / 2 - p[1] * view.k;
  }
  function zoomAt(factor, sx, sy) {
    var k = Math.max(1, Math.min(MAX_ZOOM, view.k * factor));
    view.x = sx - (sx - view.x) * (k / view.k);
    view.y = sy - (sy - view.y) * (k / view.k);
    view.k = k;
    schedule();
  }
  function pan(dx, dy) { view.x += dx; view.y += dy; schedule(); }
  function defaultView() {
    var fill = height / (projection([180, -58])[1] - projection([180, 84])[1]);
    centreOn([175, -10], Math.max(1, Math.min(4, fill)));
  }
  function schedule() {
    if (!frame) frame = window.requestAnimationFrame(function () { frame = 0; render(); });
    window.clearTimeout(urlTimer);
    urlTimer = window.setTimeout(saveState, 300);
    if (grouped) { window.clearTimeout(refineTimer); refineTimer = window.setTimeout(refine, 200); }
  }

  /* ---------- what to ask the server for: zoom level and area ---------- */
  function levelFor() {
    // The finest grid whose cells are no wider on screen than the gap kept between markers.
    var perDegree = Math.abs(projection([181, 0])[0] - projection([180, 0])[0]) * view.k;
    var level = Math.ceil(Math.log(LEVEL0_CELL * perDegree / MIN_GAP) / Math.LN2);
    return Math.max(0, Math.min(MAX_LEVEL, level));
  }
  function areaFor(level) {
    // The part of the world in view, in longitudes east from Greenwich (0 to 360, unbroken across
    // the 180° meridian at the map's centre), widened to whole blocks of eight cells so that small
    // moves ask for the same area (and the server's cache answers).
    var east = [], lats = [];
    for (var i = 0; i <= 6; i++) {
      for (var j = 0; j <= 6; j++) {
        var ll = invert([width * i / 6, height * j / 6]);
        if (!ll || !isFinite(ll[0]) || !isFinite(ll[1])) continue;
        east.push((ll[0] + 360) % 360);
        lats.push(ll[1]);
      }
    }
    if (!east.length) return "";
    var block = LEVEL0_CELL / Math.pow(2, level) * 8;
    var w = Math.max(0, Math.floor(Math.min.apply(null, east) / block) * block);
    var e = Math.min(360, Math.ceil(Math.max.apply(null, east) / block) * block);
    var s = Math.max(-90, Math.floor(Math.min.apply(null, lats) / block) * block);
    var n = Math.min(90, Math.ceil(Math.max.apply(null, lats) / block) * block);
    if (e - w >= 360 && s <= -84 && n >= 84) return "";
    function lon(x) { x = +x.toFixed(4); return x > 180 ? x - 360 : x; }
    if (e - w >= 360) return [-180, +s.toFixed(4), 180, +n.toFixed(4)].join(",");
    return [lon(w), +s.toFixed(4), lon(e), +n.toFixed(4)].join(",");
  }
  function dataSrc(extra) {
    return baseSrc + (baseSrc.indexOf("?") < 0 ? "?" : "&") + "properties=brief" + extra;
  }
  function fetchData(src) {
    return fetch(src, { headers: { Accept: "application/geo+json" } }).then(function (r) {
      if (!r.ok) throw new Error("map data " + r.status);
      return r.json();
    });
  }
  function named(data) {
    // The brief data names countries, kinds and statuses once, in foreign members.
    var names = data.countries || {}, kinds = (data.labels || {}).kind || {}, statuses = (data.labels || {}).status || {};
    data.features.forEach(function (f) {
      var p = f.properties;
      if (p.group) return;
      if (!p.country) p.country = names[p.country_numeric] || "";
      if (!p.kind_label) p.kind_label = kinds[p.kind] || p.kind;
      if (!p.status_label) p.status_label = statuses[p.status] || p.status;
    });
    return data.features;
  }
  function refine() {
    if (!grouped || !projection) return;
    var level = levelFor(), area = areaFor(level);
    if (level === grouped.level && area === grouped.area) return;
    var src = dataSrc("&zoom=" + level + (area ? "&bbox=" + area : ""));
    wanted = src;
    fetchData(src).then(function (data) {
      if (wanted !== src) return; // the view moved on and asked for other data
      accept(data, level, area);
      render();
      shadeCountries();
      openPending();
    }).catch(function () { /* the markers already drawn stay */ });
  }

  /* ---------- drawing ---------- */
  function drawCountries() {
    if (!countries || !geoPath) return;
    land.textContent = "";
    countries.forEach(function (c) {
      el("path", { d: geoPath(c) || "", class: "map-country", "data-id": c.id || "" }, land);
    });
    shadeCountries();
  }
  function shadeCountries() {
    var partner = {}, home = {};
    Object.keys(countryNames).forEach(function (id) { partner[id] = true; });
    features.forEach(function (f) { if (f.properties.country_numeric) partner[f.properties.country_numeric] = true; });
    Object.keys(councils).forEach(function (s) { home[councils[s].country_numeric] = true; });
    land.querySelectorAll("path").forEach(function (path) {
      var id = path.getAttribute("data-id");
      path.setAttribute("class", "map-country" + (partner[id] ? " is-partner" : "") + (home[id] ? " is-home" : ""));
    });
    drawLine();
  }
  function drawAlliances() {
    // Each alliance as a closed line through its members: Auckland, Guangzhou and Los Angeles.
    allianceLayer.textContent = "";
    if (!geoPath) return;
    alliances.forEach(function (a) {
      var ring = a.coordinates.concat([a.coordinates[0]]);
      var path = el("path", { class: "map-alliance", d: geoPath({ type: "LineString", coordinates: ring }) || "" }, allianceLayer);
      el("title", null, path).textContent = a.name + ": " + a.members.join(", ");
    });
  }
  function drawLine() {
    var c = chosen && councils[chosen.properties.council];
    if (!c || !c.coordinates) { line.setAttribute("d", ""); return; }
    line.setAttribute("d", geoPath({ type: "LineString", coordinates: [c.coordinates, chosen.geometry.coordinates] }) || "");
  }

  function clusters() {
    var cells = {}, out = [], k = view.k;
    for (var i = 0; i < features.length; i++) {
      var f = features[i];
      if (!f.p) continue;
      var sx = f.p[0] * k + view.x, sy = f.p[1] * k + view.y;
      if (sx < -MIN_GAP || sy < -MIN_GAP || sx > width + MIN_GAP || sy > height + MIN_GAP) continue;
      var cx = Math.floor(sx / MIN_GAP), cy = Math.floor(sy / MIN_GAP), found = null;
      for (var dx = -1; dx <= 1 && !found; dx++) {
        for (var dy = -1; dy <= 1 && !found; dy++) {
          var bucket = cells[(cx + dx) + ":" + (cy + dy)];
          if (!bucket) continue;
          for (var j = 0; j < bucket.length; j++) {
            var c = bucket[j];
            if ((c.x - sx) * (c.x - sx) + (c.y - sy) * (c.y - sy) < MIN_GAP * MIN_GAP) { found = c; break; }
          }
        }
      }
      if (found) { found.items.push(f); continue; }
      var cluster = { x: sx, y: sy, items: [f] };
      (cells[cx + ":" + cy] = cells[cx + ":" + cy] || []).push(cluster);
      out.push(cluster);
    }
    return out;
  }

  function describe(f) {
    var p = f.properties, where = p.place_kind === "country" ? p.name : p.name + ", " + p.country;
    var council = councils[p.council] ? councils[p.council].name : "";
    var parts = [where, p.kind_label + (council ? " – " + council : "")];
    if (p.signed) parts.push(labels.signedyear.replace("%s", p.signed.slice(0, 4)));
    if (p.status !== "active") parts.push(p.status_label);
    return parts.join(", ");
  }

  function render() {
    var focusedKey = document.activeElement && document.activeElement.getAttribute && document.activeElement.getAttribute("data-key");
    world.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")");
    markerLayer.textContent = "";
    councilLayer.textContent = "";
    Object.keys(councils).forEach(function (slug) {
      var c = councils[slug];
      if (!c.p) return;
      var g = el("g", { class: "map-council" + (chosen && chosen.properties.council === slug ? " is-chosen" : ""),
        transform: "translate(" + (c.p[0] * view.k + view.x) + "," + (c.p[1] * view.k + view.y) + ")" }, councilLayer);
      el("path", { d: "M0,-9L2.6,-3.6L8.6,-2.8L4.3,1.4L5.3,7.3L0,4.5L-5.3,7.3L-4.3,1.4L-8.6,-2.8L-2.6,-3.6Z" }, g);
      if (chosen && chosen.properties.council === slug) {
        var t = el("text", { x: 12, y: 4, class: "map-label" }, g);
        t.textContent = c.name;
      }
    });
    var list = clusters();
    list.forEach(function (c) {
      var f = c.items[0], p = f.properties, single = c.items.length === 1 && !p.group;
      var key = single ? "p" + f.id : "c" + f.id, count = groupCount(c.items);
      var g = el("g", { class: "map-marker kind-" + (p.kind || "group") + (p.group || p.status === "active" ? " is-active" : " is-inactive") +
        (single ? "" : " is-cluster") + (chosen && single && chosen.id === f.id ? " is-chosen" : ""),
        transform: "translate(" + c.x.toFixed(1) + "," + c.y.toFixed(1) + ")", tabindex: "0", role: "button",
        "data-key": key, "data-slug": single ? p.slug : "" }, markerLayer);
      el("circle", { r: 12, class: "map-hit" }, g);
      if (single) {
        if (p.status === "active") el("circle", { r: 7, class: "map-symbol" }, g);
        else el("path", { d: "M0,-8L8,0L0,8L-8,0Z", class: "map-symbol" }, g);
        g.setAttribute("aria-label", describe(f));
      } else {
        el("circle", { r: 11, class: "map-symbol" }, g);
        var n = el("text", { class: "map-count", "text-anchor": "middle", dy: "0.35em" }, g);
        n.textContent = count > 999 ? Math.round(count / 1000) + "k" : String(count);
        var names = groupNames(c.items).slice(0, 8).join(", ");
        g.setAttribute("aria-label", count + " " + labels.partnerships + ": " + names + (count > 8 ? ", …" : ""));
      }
      g.cluster = c;
    });
    if (focusedKey) {
      var again = markerLayer.querySelector('[data-key="' + focusedKey + '"]');
      if (again) again.focus();
    }
    if (!firstMarker && list.length) {
      firstMarker = true;
      if (window.performance && performance.mark) performance.mark("tuhono:first-marker");
      root.setAttribute("data-markers-drawn", "true");
    }
    status.textContent = labels.showing.replace("%s", total);
  }
  function groupCount(items) {
    return items.reduce(function (sum, f) { return sum + (f.properties.group ? f.properties.count : 1); }, 0);
  }
  function groupNames(items) {
    var names = [];
    items.forEach(function (f) { names.push.apply(names, f.properties.group ? f.properties.names : [f.properties.name]); });
    return names;
  }

  /* ---------- the panel ---------- */
  function dateText(iso) {
    if (!iso) return "";
    var parts = iso.split("-").map(Number);
    if (parts.length === 1) return String(parts[0]);
    if (parts.length === 2) return monthFormat.format(new Date(parts[0], parts[1] - 1, 1));
    return dateFormat.format(new Date(parts[0], parts[1] - 1, parts[2]));
  }
  function fact(dl, term, value) {
    if (!value) return;
    var row = html("div");
    row.appendChild(html("dt", term));
    var dd = html("dd");
    if (typeof value === "string") dd.textContent = value; else dd.appendChild(value);
    row.appendChild(dd);
    dl.appendChild(row);
  }
  function openPanel(title, fill, from, quiet) {
    opener = from || opener;
    panelTitle.textContent = title;
    panelBody.textContent = "";
    fill(panelBody);
    panel.hidden = false;
    if (!quiet) panelTitle.focus(); // not when restoring a shared address: focus stays at the top of the page
  }
  function fillPartnership(f, body) {
    var p = f.properties, council = councils[p.council];
    var dl = html("dl", null, "facts");
    fact(dl, labels.kind, p.kind_label);
    fact(dl, labels.council, council ? council.name : "");
    fact(dl, labels.signed, dateText(p.signed));
    if (p.resigned) fact(dl, labels.resigned, dateText(p.resigned));
    fact(dl, labels.status, p.status_label);
    if (p.focus_areas && p.focus_areas.length) {
      var ul = html("ul", null, "tags");
      p.focus_areas.forEach(function (a) { ul.appendChild(html("li", a)); });
      fact(dl, labels.focus, ul);
    }
    body.appendChild(dl);
    if (p.summary) body.appendChild(html("p", p.summary.length > 320 ? p.summary.slice(0, 317) + "…" : p.summary));
    var a = html("a", labels.readmore.replace("%s", p.name));
    a.href = p.url || root.getAttribute("data-pages") + p.slug + "/";
    body.appendChild(html("p")).appendChild(a);
  }
  function showPartnership(f, from, quiet) {
    chosen = f;
    var p = f.properties;
    openPanel(p.place_kind === "country" ? p.name : p.name + ", " + p.country, function (body) { fillPartnership(f, body); }, from, quiet);
    if (p.summary === undefined) {
      // The brief map data leaves out the summary and focus areas: read them when a partnership is opened.
      fetch(root.getAttribute("data-detail") + "/" + f.id).then(function (r) { return r.ok ? r.json() : null; }).then(function (d) {
        if (!d) return;
        p.summary = d.summary;
        p.focus_areas = d.focus_areas;
        p.resigned = d.resigned;
        if (chosen === f && !panel.hidden) { panelBody.textContent = ""; fillPartnership(f, panelBody); }
      });
    }
    drawLine();
    schedule();
  }
  function showList(title, items, from) {
    chosen = null;
    drawLine();
    openPanel(title, function (body) {
      var ul = html("ul", null, "map-panel-list");
      items.forEach(function (f) {
        if (f.properties.group) {
          // A group the server kept together: its members are listed once the map zooms in on it.
          ul.appendChild(html("li", labels.groupnear.replace("%n", f.properties.count).replace("%s", f.properties.names.slice(0, 3).join(", "))));
          return;
        }
        var b = html("button", describe(f), "link-button");
        b.type = "button";
        b.addEventListener("click", function () { showPartnership(f); });
        ul.appendChild(html("li")).appendChild(b);
      });
      body.appendChild(ul);
    }, from);
    schedule();
  }
  function closePanel() {
    if (panel.hidden) return;
    panel.hidden = true;
    chosen = null;
    drawLine();
    render();
    saveState();
    if (opener && opener.getAttribute) {
      var key = opener.getAttribute("data-key");
      var target = key ? markerLayer.querySelector('[data-key="' + key + '"]') : opener;
      if (target) target.focus();
    }
  }
  function activate(g) {
    var c = g.cluster;
    if (c.items.length === 1 && !c.items[0].properties.group) { showPartnership(c.items[0], g); return; }
    var title = labels.counttitle.replace("%s", groupCount(c.items));
    showList(title, c.items, g);
    // Zoom towards the group so that its members separate (a server's group: to all its members).
    var xs = [], ys = [];
    c.items.forEach(function (f) {
      var corners = f.properties.group ? [projection(f.properties.bbox.slice(0, 2)), projection(f.properties.bbox.slice(2))] : [f.p];
      corners.forEach(function (q) { if (q) { xs.push(q[0]); ys.push(q[1]); } });
    });
    var spanX = Math.max.apply(null, xs) - Math.min.apply(null, xs), spanY = Math.max.apply(null, ys) - Math.min.apply(null, ys);
    var k = Math.min(MAX_ZOOM, Math.max(view.k * 2, Math.min(width / (spanX + 1e-6), height / (spanY + 1e-6)) * 0.5));
    if (spanX + spanY > 0.01) {
      centreOn(projection.invert([(Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2,
        (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2]), k);
      schedule();
    } else if (c.items[0].properties.group) {
      centreOn(projection.invert([xs[0], ys[0]]), view.k * 4);
      schedule();
    }
  }

  /* ---------- input: pointer, wheel, keyboard, buttons ---------- */
  var pointers = {}, dragged = false, start = null;
  function local(e) {
    var r = svg.getBoundingClientRect();
    return [(e.clientX - r.left) * width / r.width, (e.clientY - r.top) * height / r.height];
  }
  svg.addEventListener("pointerdown", function (e) {
    pointers[e.pointerId] = local(e);
    if (Object.keys(pointers).length === 1) { dragged = false; start = pointers[e.pointerId]; }
  });
  svg.addEventListener("pointermove", function (e) {
    var prev = pointers[e.pointerId];
    if (!prev) return;
    var now = local(e), ids = Object.keys(pointers);
    if (!dragged && Math.abs(now[0] - start[0]) + Math.abs(now[1] - start[1]) < 6) return;
    if (!dragged) { dragged = true; try { svg.setPointerCapture(e.pointerId); } catch (err) { /* ignore */ } }
    if (ids.length === 2) {
      var other = pointers[ids[0] === String(e.pointerId) ? ids[1] : ids[0]];
      var before = Math.hypot(prev[0] - other[0], prev[1] - other[1]), after = Math.hypot(now[0] - other[0], now[1] - other[1]);
      if (before > 0) zoomAt(after / before, (now[0] + other[0]) / 2, (now[1] + other[1]) / 2);
    } else {
      pan(now[0] - prev[0], now[1] - prev[1]);
    }
    pointers[e.pointerId] = now;
  });
  function release(e) { delete pointers[e.pointerId]; }
  svg.addEventListener("pointerup", release);
  svg.addEventListener("pointercancel", release);
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var at = local(e);
    zoomAt(Math.pow(2, -e.deltaY * (e.deltaMode ? 0.05 : 0.002)), at[0], at[1]);
  }, { passive: false });
  svg.addEventListener("click", function (e) {
    if (dragged) { dragged = false; return; }
    var g = e.target.closest(".map-marker");
    if (g) { activate(g); return; }
    var country = e.target.closest(".map-country.is-partner");
    if (!country) return;
    var id = country.getAttribute("data-id");
    if (grouped) {
      // Not every partnership is on the map as itself: ask for the country's.
      if (!countryCodes[id]) return;
      fetchData(dataSrc("&country=" + encodeURIComponent(countryCodes[id]))).then(function (data) { showCountry(named(data)); });
      return;
    }
    showCountry(features.filter(function (f) { return f.properties.country_numeric === id; }));
  });
  function showCountry(items) {
    if (items.length === 1) showPartnership(items[0], null);
    else if (items.length) showList(labels.countrytitle.replace("%s", items[0].properties.country).replace("%n", items.length), items, null);
  }
  markerLayer.addEventListener("keydown", function (e) {
    var g = e.target.closest(".map-marker");
    if (g && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); activate(g); }
  });
  svg.addEventListener("keydown", function (e) {
    var step = 80, keys = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (keys[e.key]) { e.preventDefault(); pan(keys[e.key][0], keys[e.key][1]); }
    else if (e.key === "+" || e.key === "=") zoomAt(2, width / 2, height / 2);
    else if (e.key === "-") zoomAt(0.5, width / 2, height / 2);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !panel.hidden) { e.preventDefault(); closePanel(); }
  });
  panel.querySelector(".map-panel-close").addEventListener("click", closePanel);
  root.querySelectorAll("[data-map-action]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var a = button.getAttribute("data-map-action"), s = Math.round(Math.min(width, height) / 4);
      if (a === "in") zoomAt(2, width / 2, height / 2);
      else if (a === "out") zoomAt(0.5, width / 2, height / 2);
      else if (a === "reset") { defaultView(); schedule(); }
      else if (a === "left") pan(s, 0);
      else if (a === "right") pan(-s, 0);
      else if (a === "up") pan(0, s);
      else if (a === "down") pan(0, -s);
    });
  });
  root.querySelector(".map-controls").hidden = false;
  var resizeTimer = 0;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(function () {
      var k = view.k, centre = layout();
      if (centre) { centreOn(centre, k); render(); }
    }, 150);
  });

  /* ---------- state in the URL ---------- */
  function filterQuery(params) {
    var q = new URLSearchParams();
    FILTERS.forEach(function (name) { var v = params.get(name); if (v) q.set(name, v); });
    return q;
  }
  function saveState() {
    if (!projection) return;
    var params = new URLSearchParams(window.location.search);
    var c = invert([width / 2, height / 2]);
    params.set("z", view.k.toFixed(2).replace(/\.?0+$/, ""));
    params.set("at", c[0].toFixed(2) + "," + c[1].toFixed(2));
    if (chosen) params.set("p", chosen.properties.slug); else params.delete("p");
    var url = window.location.pathname + "?" + params.toString() + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) window.history.replaceState(null, "", url);
  }
  function restoreView(params) {
    var z = parseFloat(params.get("z")), at = (params.get("at") || "").split(",").map(parseFloat);
    if (z > 0 && at.length === 2 && isFinite(at[0]) && isFinite(at[1])) centreOn(at, z); else defaultView();
  }

  function accept(data, level, area) {
    // West to east across the Pacific-centred map (from 0° through 180° to 360°): the Tab order follows the eye.
    features = named(data).sort(function (a, b) {
      return (a.geometry.coordinates[0] + 360) % 360 - (b.geometry.coordinates[0] + 360) % 360;
    });
    councils = {};
    (data.councils || []).forEach(function (c) { councils[c.slug] = c; });
    alliances = data.alliances || alliances;
    project();
    drawAlliances();
    grouped = data.grouped ? { level: level, area: area } : null;
    total = data.total != null ? data.total : features.length;
    countryNames = data.countries || {};
    countryCodes = data.country_codes || {};
  }
  function load(params, src, first) {
    if (!src) {
      var query = filterQuery(params).toString();
      src = root.getAttribute("data-src").split("?")[0] + (query ? "?" + query : "");
    }
    baseSrc = src;
    // The zoom and area shown go with every request: a register too large to send whole comes
    // grouped for them; a smaller one comes whole, and the map groups its markers itself. The
    // page's first request (named in the page, fetched early) is the world at a wide zoom.
    var level = levelFor(), area = first ? "" : areaFor(level);
    wanted = "";
    root.setAttribute("aria-busy", "true");
    return fetchData(first || dataSrc("&zoom=" + level + (area ? "&bbox=" + area : ""))).then(function (data) {
      accept(data, data.grouped ? data.zoom : level, area);
      pendingSlug = params.get("p");
      chosen = null;
      render();
      shadeCountries();
      root.removeAttribute("aria-busy");
      openPending();
      refine();
    });
  }
  function openPending() {
    // A shared address names a partnership: open it once it is on the map as itself.
    if (!pendingSlug) return;
    var f = features.filter(function (x) { return x.properties.slug === pendingSlug; })[0];
    if (f) { pendingSlug = ""; showPartnership(f, null, true); }
  }

  if (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var params = new URLSearchParams();
      new FormData(form).forEach(function (v, k) { if (v) params.set(k, v); });
      var current = new URLSearchParams(window.location.search);
      ["z", "at"].forEach(function (n) { if (current.get(n)) params.set(n, current.get(n)); });
      var url = window.location.pathname + "?" + params.toString();
      window.history.pushState(null, "", url);
      refresh(url, params);
    });
    window.addEventListener("popstate", function () {
      var params = new URLSearchParams(window.location.search);
      refresh(window.location.href, params);
    });
  }
  function refresh(url, params) {
    panel.hidden = true;
    load(params).catch(function () { window.location.assign(url); });
    var results = document.getElementById("map-results");
    if (!results) return;
    fetch(url, { headers: { Accept: "text/html" } }).then(function (r) { return r.text(); }).then(function (text) {
      var fresh = new DOMParser().parseFromString(text, "text/html").getElementById("map-results");
      if (fresh) results.replaceWith(fresh);
    });
  }

  var initial = new URLSearchParams(window.location.search);
  layout();
  restoreView(initial);
  var data = load(initial, root.getAttribute("data-src"), root.getAttribute("data-first"));
  fetch(root.getAttribute("data-atlas")).then(function (r) { return r.json(); }).then(function (topology) {
    countries = window.topojson.feature(topology, topology.objects.countries).features.filter(function (c) {
      return c.id !== "010"; // Antarctica: no partners, and it fills a third of the height
    });
    drawCountries();
  });
  data.catch(function () { status.textContent = labels.failed; });
})();

// pantau map page: incidents on a map of country outlines, a brushable timeline, filters kept in the URL,
// and an incident panel with the article text and its evidence spans. Everything comes from this server.
// Article text is untrusted (it comes from the open web): it is only ever put on the page as text nodes
// (textContent / createTextNode), never through innerHTML.
"use strict";

(function () {
  const FILTERS = ["country", "admin1", "type", "actor", "text"];
  const DAY_MS = 86400000;
  const state = { country: "", admin1: "", type: "", actor: "", text: "", from: null, to: null };
  let points = [];       // [id, lat, lon, typeIndex, fatalities, day]
  let types = [];        // event type names by index
  let markers = [];      // one Leaflet marker per point, same order
  let fitted = false;
  const iconCache = new Map();
  let keep = [];         // the markers in the brushed period
  let pending = false;   // markers are being clustered
  let truncated = false; // the server sent only its maximum number of points
  let loadStart = performance.now();

  // ---- small helpers -------------------------------------------------------------------------------------

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else node.setAttribute(k, v);
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svgEl(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  function slug(name) { return String(name || "other").toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, ""); }
  function typeClass(name) {
    const s = slug(name);
    const known = ["battles", "explosions-remote-violence", "violence-against-civilians", "protests", "riots",
      "strategic-developments"];
    return "t-" + (known.includes(s) ? s : "other");
  }
  function dayString(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  function fatalitySize(n) { return n >= 50 ? 30 : n >= 10 ? 24 : n >= 3 ? 19 : n >= 1 ? 15 : 11; }
  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    if (!r.ok) {
      let msg = r.status + " " + r.statusText;
      try { msg = (await r.json()).error || msg; } catch (e) { /* not JSON */ }
      throw new Error(msg);
    }
    return r.json();
  }

  // ---- URL state ---------------------------------------------------------------------------------------------

  function readURL() {
    const q = new URLSearchParams(window.location.search);
    for (const k of FILTERS) state[k] = q.get(k) || "";
    state.from = q.get("from") || null;
    state.to = q.get("to") || null;
  }
  function serverQuery() {
    const q = new URLSearchParams();
    for (const k of FILTERS) if (state[k]) q.set(k, state[k]);
    return q;
  }
  function writeURL() {
    const q = serverQuery();
    if (state.from) q.set("from", state.from);
    if (state.to) q.set("to", state.to);
    const s = q.toString();
    window.history.replaceState(null, "", s ? "?" + s : window.location.pathname);
    updateDownloads();
  }
  function updateDownloads() {
    const q = serverQuery();
    if (state.from) q.set("since", state.from);
    if (state.to) q.set("until", state.to);
    q.set("limit", "10000");
    q.set("format", "csv");
    document.getElementById("dl-csv").href = "/events?" + q.toString();
    q.set("format", "geojson");
    document.getElementById("dl-geojson").href = "/events?" + q.toString();
  }

  // ---- the map -----------------------------------------------------------------------------------------------

  const map = L.map("map", { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 14, zoomSnap: 0.5 })
    .setView([-2, 118], 4);
  map.attributionControl.addAttribution("Country outlines: Natural Earth");
  const clusters = L.markerClusterGroup({
    chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45, disableClusteringAtZoom: 11,
    // clustering runs in chunks so the page stays responsive; the page is ready when the last chunk is done
    chunkProgress: function (done, total) { if (done === total && pending) { pending = false; shown(); } },
    iconCreateFunction: function (cluster) {
      const n = cluster.getChildCount();
      const size = n >= 1000 ? 48 : n >= 100 ? 40 : n >= 10 ? 32 : 26;
      // coloured by the event type most of its incidents have
      const counts = new Map();
      let top = 0;
      for (const m of cluster.getAllChildMarkers()) {
        const c = (counts.get(m.options.typeIndex) || 0) + 1;
        counts.set(m.options.typeIndex, c);
        if (c > (counts.get(top) || 0)) top = m.options.typeIndex;
      }
      const inner = el("div", { "class": "cl " + typeClass(types[top]), "data-count": String(n),
        title: n + " incidents, mostly " + types[top] }, n);
      inner.style.width = size + "px";
      inner.style.height = size + "px";
      return L.divIcon({ html: inner, className: "cluster", iconSize: [size, size] });
    },
  });
  map.addLayer(clusters);

  async function loadOutlines() {
    try {
      const topo = await getJSON("/static/vendor/countries-50m.json");
      const land = topojson.feature(topo, topo.objects.countries);
      // Antarctica's outline is cut at the map's edge and draws as a line across the southern ocean
      land.features = land.features.filter(function (f) { return f.id !== "010"; });
      land.features.forEach(unwrap);
      L.geoJSON(land, {
        interactive: false, renderer: L.canvas({ padding: 0.5 }),
        style: { color: "#8a99a8", weight: 0.8, fillColor: "#f5f1e6", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    } catch (e) {
      setStatus("country outlines could not be loaded: " + e.message);
    }
  }

  // rings crossing the antimeridian (Fiji, Chukotka) jump from 180 to -180 and would draw a line across the
  // world: keep their longitudes continuous instead (Leaflet draws past 180 degrees)
  function unwrap(feature) {
    const g = feature.geometry;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    for (const poly of polys) {
      for (const ring of poly) {
        let shift = 0;
        for (let k = 1; k < ring.length; k++) {
          const d = ring[k][0] + shift - ring[k - 1][0];
          if (d > 180) shift -= 360; else if (d < -180) shift += 360;
          ring[k][0] += shift;
        }
      }
    }
  }

  function icon(typeIndex, fatalities) {
    const size = fatalitySize(fatalities);
    const key = typeIndex + ":" + size;
    if (!iconCache.has(key)) {
      iconCache.set(key, L.divIcon({ className: "pt " + typeClass(types[typeIndex]), iconSize: [size, size] }));
    }
    return iconCache.get(key);
  }

  function buildMarkers() {
    markers = points.map(function (p) {
      const m = L.marker([p[1], p[2]], { icon: icon(p[3], p[4]), keyboard: false, typeIndex: p[3],
        title: types[p[3]] + (p[5] !== null ? " " + dayString(p[5]) : "") + (p[4] ? ", " + p[4] + " killed" : "") });
      m.on("click", function () { openIncident(p[0]); });
      return m;
    });
  }

  function inPeriod(p) {
    if (!state.from && !state.to) return true;
    if (p[5] === null) return false;
    const d = dayString(p[5]);
    return (!state.from || d >= state.from) && (!state.to || d <= state.to);
  }

  function showMarkers() {
    document.body.dataset.ready = "0";
    pending = true;
    clusters.clearLayers();
    keep = [];
    for (let i = 0; i < points.length; i++) if (inPeriod(points[i])) keep.push(markers[i]);
    clusters.addLayers(keep);
  }

  // called when every kept marker is clustered: say what is shown, fit the map once, redraw the timeline
  function shown() {
    const status = document.getElementById("status");
    status.dataset.shown = String(keep.length);
    status.dataset.total = String(points.length);
    setStatus(keep.length + " incidents shown" + (keep.length !== points.length ? " of " + points.length : "") +
      (state.from || state.to ? " (" + (state.from || "…") + " to " + (state.to || "…") + ")" : "") +
      (truncated ? "; more match than the map shows: narrow the filters" : ""));
    if (!fitted && keep.length) {
      fitted = true;
      map.fitBounds(L.latLngBounds(keep.map(function (m) { return m.getLatLng(); })).pad(0.2), { maxZoom: 6 });
    }
    drawTimeline();
    document.body.dataset.loadedMs = String(Math.round(performance.now() - loadStart));
    document.body.dataset.ready = "1";
  }

  function setStatus(text) { document.getElementById("status").textContent = text; }

  async function loadPoints() {
    setStatus("loading incidents…");
    loadStart = performance.now();
    const data = await getJSON("/map/points?" + serverQuery().toString());
    types = data.types;
    points = data.points;
    truncated = Boolean(data.truncated);
    buildMarkers();
    drawLegend();
    showMarkers();
  }

  function drawLegend() {
    const legend = document.getElementById("legend");
    legend.replaceChildren();
    types.forEach(function (t) {
      const item = el("span");
      item.appendChild(el("i", { "class": typeClass(t) }));
      item.appendChild(document.createTextNode(t));
      legend.appendChild(item);
    });
  }

  // ---- the timeline ------------------------------------------------------------------------------------------

  const svg = document.getElementById("timeline");
  let scale = null; // {d0, d1, x0, x1, binDays}

  function drawTimeline() {
    svg.replaceChildren();
    const days = points.map(function (p) { return p[5]; }).filter(function (d) { return d !== null; });
    const w = svg.clientWidth || 800, h = svg.clientHeight || 90, top = 6, bottom = 16;
    if (!days.length) { scale = null; return; }
    let d0 = Infinity, d1 = -Infinity;
    for (const d of days) { if (d < d0) d0 = d; if (d > d1) d1 = d; }
    const span = d1 - d0 + 1;
    const binDays = span > 120 ? 7 : 1;
    if (binDays === 7) d0 -= ((d0 + 3) % 7 + 7) % 7; // weeks start on Monday (1970-01-01 was a Thursday)
    const nBins = Math.max(1, Math.ceil((d1 - d0 + 1) / binDays));
    const all = new Array(nBins).fill(0), kept = new Array(nBins).fill(0);
    for (const p of points) {
      if (p[5] === null) continue;
      const b = Math.floor((p[5] - d0) / binDays);
      all[b]++;
      if (inPeriod(p)) kept[b]++;
    }
    const max = Math.max.apply(null, all);
    const x0 = 4, x1 = w - 4, bw = (x1 - x0) / nBins;
    scale = { d0: d0, binDays: binDays, nBins: nBins, x0: x0, bw: bw };
    for (let i = 0; i < nBins; i++) {
      if (!all[i]) continue;
      const bh = Math.max(1, (h - top - bottom) * all[i] / max);
      const x = x0 + i * bw, width = Math.max(1, bw - 1);
      const title = svgEl("title");
      title.textContent = dayString(d0 + i * binDays) + (binDays === 7 ? " (week)" : "") + ": " + all[i];
      const out = svgEl("rect", { "class": "bar out", x: x, y: h - bottom - bh, width: width, height: bh });
      out.appendChild(title);
      svg.appendChild(out);
      if (kept[i]) {
        const kh = bh * kept[i] / all[i];
        svg.appendChild(svgEl("rect", { "class": "bar", x: x, y: h - bottom - kh, width: width, height: kh }));
      }
    }
    const first = svgEl("text", { x: x0, y: h - 3 });
    first.textContent = dayString(d0);
    const last = svgEl("text", { x: x1, y: h - 3, "text-anchor": "end" });
    last.textContent = dayString(d0 + nBins * binDays - 1) + (binDays === 7 ? " · per week" : " · per day");
    svg.append(first, last);
    if (state.from || state.to) {
      const a = state.from ? xOfDay(dayNumber(state.from)) : x0;
      const b = state.to ? xOfDay(dayNumber(state.to) + 1) : x1;
      svg.appendChild(svgEl("rect", { "class": "brush", x: Math.min(a, b), y: 1, width: Math.abs(b - a), height: h - bottom }));
    }
    document.getElementById("brush-clear").hidden = !(state.from || state.to);
  }
  function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
  function xOfDay(day) { return scale.x0 + (day - scale.d0) / scale.binDays * scale.bw; }
  function dayOfX(x) {
    const bin = Math.min(scale.nBins - 1, Math.max(0, Math.floor((x - scale.x0) / scale.bw)));
    return scale.d0 + bin * scale.binDays;
  }

  let drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    if (!scale) return;
    svg.setPointerCapture(ev.pointerId);
    const x = ev.clientX - svg.getBoundingClientRect().left;
    drag = { start: x, rect: svgEl("rect", { "class": "brush", x: x, y: 1, width: 0, height: (svg.clientHeight || 90) - 16 }) };
    svg.appendChild(drag.rect);
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    const x = ev.clientX - svg.getBoundingClientRect().left;
    drag.rect.setAttribute("x", Math.min(drag.start, x));
    drag.rect.setAttribute("width", Math.abs(x - drag.start));
  });
  svg.addEventListener("pointerup", function (ev) {
    if (!drag) return;
    const x = ev.clientX - svg.getBoundingClientRect().left;
    const a = Math.min(drag.start, x), b = Math.max(drag.start, x);
    drag = null;
    if (b - a < 3) { state.from = state.to = null; } else {
      state.from = dayString(dayOfX(a));
      state.to = dayString(dayOfX(b) + scale.binDays - 1);
    }
    writeURL();
    loadStart = performance.now();
    showMarkers();
  });
  document.getElementById("brush-clear").addEventListener("click", function () {
    state.from = state.to = null;
    writeURL();
    showMarkers();
  });
  window.addEventListener("resize", drawTimeline);

  // ---- filters -------------------------------------------------------------------------------------------

  const form = document.getElementById("filters");
  const inputs = { country: "f-country", admin1: "f-admin1", type: "f-type", actor: "f-actor", text: "f-text" };

  async function loadFacets() {
    const f = await getJSON("/facets");
    fill("f-country", f.country, state.country);
    fill("f-admin1", f.admin1, state.admin1);
    fill("f-type", f.event_type, state.type);
    document.getElementById("f-actor").value = state.actor;
    document.getElementById("f-text").value = state.text;
  }
  function fill(id, values, chosen) {
    const select = document.getElementById(id);
    const all = select.firstElementChild;
    select.replaceChildren(all);
    const list = values.slice();
    if (chosen && !list.includes(chosen)) list.push(chosen);
    for (const v of list) select.appendChild(el("option", { value: v }, v));
    select.value = chosen || "";
  }
  async function applyFilters() {
    for (const [k, id] of Object.entries(inputs)) state[k] = document.getElementById(id).value.trim();
    writeURL();
    try { await loadPoints(); } catch (e) { setStatus("could not load incidents: " + e.message); }
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); applyFilters(); });
  for (const id of ["f-country", "f-admin1", "f-type"]) document.getElementById(id).addEventListener("change", applyFilters);
  document.getElementById("f-reset").addEventListener("click", function () {
    for (const id of Object.values(inputs)) document.getElementById(id).value = "";
    state.from = state.to = null;
    applyFilters();
  });

  // ---- the incident panel ------------------------------------------------------------------------------------

  const panel = document.getElementById("panel");
  const body = document.getElementById("panel-body");
  const selected = L.layerGroup().addTo(map); // a ring around the open incident
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    selected.clearLayers();
    map.invalidateSize();
  });

  function fieldClass(field) {
    const f = String(field).split(":")[0];
    const known = ["event_type", "sub_event_type", "event_date", "location", "actor1", "actor2", "assoc_actor_1",
      "assoc_actor_2", "fatalities", "claim"];
    return "fld-" + (known.includes(f) ? f : "other");
  }

  // the article text as text nodes, each stretch covered by evidence wrapped in <mark> naming its fields
  function renderText(text, spans) {
    const box = el("div", { "class": "article" });
    const cuts = new Set([0, text.length]);
    const ok = spans.filter(function (s) { return s.start >= 0 && s.end <= text.length && s.start < s.end; });
    for (const s of ok) { cuts.add(s.start); cuts.add(s.end); }
    const edges = Array.from(cuts).sort(function (a, b) { return a - b; });
    for (let i = 0; i + 1 < edges.length; i++) {
      const a = edges[i], b = edges[i + 1];
      const piece = text.slice(a, b);
      const over = ok.filter(function (s) { return s.start <= a && s.end >= b; });
      if (!over.length) { box.appendChild(document.createTextNode(piece)); continue; }
      const fields = Array.from(new Set(over.map(function (s) { return s.field; })));
      const mark = el("mark", { "class": "ev " + fieldClass(fields[0]), title: fields.join(", "),
        "data-fields": fields.join(" ") }, piece);
      box.appendChild(mark);
    }
    return box;
  }

  function row(cells, tag) {
    const tr = el("tr");
    for (const c of cells) tr.appendChild(el(tag || "td", {}, c));
    return tr;
  }

  function figures(claims) {
    const wrap = el("div");
    const killed = claims.filter(function (c) { return c.kind === "killed"; });
    const distinct = new Set(killed.map(function (c) { return c.low + "-" + c.high; }));
    if (!claims.length) { wrap.appendChild(el("p", {}, "No casualty figures were claimed.")); return wrap; }
    if (distinct.size > 1) wrap.appendChild(el("p", { "class": "disputed" }, "Disputed: the sources give different death tolls."));
    const table = el("table", { "class": "claims" + (distinct.size > 1 ? " disputed" : "") });
    table.appendChild(row(["figure", "kind", "claimed by", "outlet", "words"], "th"));
    for (const c of claims) {
      const fig = (c.low === c.high ? String(c.low) : c.low + "–" + c.high) + (c.qualifier ? " (" + c.qualifier + ")" : "");
      const words = (c.evidence || []).map(function (e) { return e.text; }).join(" … ");
      table.appendChild(row([fig, c.kind + (c.victims ? " (" + c.victims + ")" : ""), c.claimed_by, c.outlet || "", words]));
    }
    wrap.appendChild(table);
    return wrap;
  }

  async function openIncident(id) {
    panel.hidden = false;
    map.invalidateSize();
    body.replaceChildren(el("p", {}, "loading incident " + id + "…"));
    let inc;
    try { inc = await getJSON("/events/" + encodeURIComponent(id)); } catch (e) {
      body.replaceChildren(el("p", {}, "could not load incident " + id + ": " + e.message));
      return;
    }
    const parts = [];
    parts.push(el("h2", {}, inc.event_type + " / " + (inc.sub_event_type || "") + " — " + (inc.event_date || "undated")));
    const facts = el("table", { "class": "facts" });
    const place = [inc.location, inc.admin2, inc.admin1, inc.country].filter(Boolean).join(", ");
    facts.appendChild(row(["Place", place]));
    facts.appendChild(row(["Actors", (inc.actor1 || "?") + (inc.actor2 ? " vs " + inc.actor2 : "")]));
    facts.appendChild(row(["Fatalities", inc.fatalities + (inc.fatalities_low !== inc.fatalities_high ?
      " (claims range " + inc.fatalities_low + "–" + inc.fatalities_high + ")" : "")]));
    facts.appendChild(row(["Sources", (inc.sources || []).join("; ")]));
    facts.appendChild(row(["Notes", inc.notes || ""]));
    parts.push(facts);
    parts.push(el("h3", {}, "Figures and who claimed them"));
    parts.push(figures(inc.claims || []));
    parts.push(el("h3", {}, "Reports merged into this incident (" + inc.reports.length + ")"));
    const list = el("ol", { "class": "reports" });
    for (const m of inc.reports) {
      list.appendChild(el("li", {}, (m.outlet || "?") + " · " + m.doc + " · published " + (m.published || "?") +
        " · " + (m.fatalities || 0) + " killed — " + (m.join_reason || "")));
    }
    parts.push(list);
    parts.push(el("h3", {}, "Articles, evidence highlighted"));
    const keys = el("div", { "class": "keys" });
    for (const f of ["event_type", "event_date", "location", "actor1", "actor2", "claim"]) {
      keys.appendChild(el("span", { "class": fieldClass(f) }, f === "claim" ? "casualty claim" : f.replace("_", " ")));
    }
    parts.push(keys);
    body.replaceChildren.apply(body, parts);
    const mine = new Set(inc.reports.map(function (m) { return m.event_id; }));
    const seen = new Set();
    for (const m of inc.reports) {
      if (seen.has(m.article_id)) continue;
      seen.add(m.article_id);
      try {
        const art = await getJSON("/articles/" + encodeURIComponent(m.article_id));
        body.appendChild(el("div", { "class": "article-head" },
          (art.outlet || "?") + " — " + (art.title || art.doc) + (art.published ? " (" + art.published + ")" : "")));
        body.appendChild(renderText(art.text, art.spans.filter(function (s) { return mine.has(s.event_id); })));
      } catch (e) {
        body.appendChild(el("p", {}, "article " + m.article_id + " could not be loaded: " + e.message));
      }
    }
    panel.dataset.incident = String(id);
    if (inc.latitude !== null && inc.longitude !== null) {
      map.invalidateSize();
      map.panTo([inc.latitude, inc.longitude]);
      selected.clearLayers();
      L.circleMarker([inc.latitude, inc.longitude], { radius: 18, color: "#e49b00", weight: 3, fill: false,
        interactive: false }).addTo(selected);
    }
  }
  window.pantauOpenIncident = openIncident; // lets a test or a bookmarklet open one without finding its marker

  // ---- start -------------------------------------------------------------------------------------------------

  readURL();
  updateDownloads();
  loadOutlines();
  loadFacets().catch(function (e) { setStatus("filters could not be loaded: " + e.message); });
  loadPoints().catch(function (e) { setStatus("could not load incidents: " + e.message); });
})();

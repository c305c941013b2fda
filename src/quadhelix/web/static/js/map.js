// The network map: sigma.js (WebGL) over graphology, with data from /api/v1/network.
// Names are only ever shown through textContent or on the canvas, never parsed as HTML.
"use strict";

(() => {
  const box = document.getElementById("map");
  if (!box) return;
  const $ = (id) => document.getElementById(id);
  const status = $("map-status");
  const tooltip = $("map-tooltip");
  const styles = getComputedStyle(document.documentElement);
  const COMMUNITY_COLOURS = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939",
  ];
  const FADED = "#e2e4e8";
  const view = { colour: "helix", size: "degree", selected: null, egoOnly: false, found: new Set() };
  const api = { ready: false, graph: null, renderer: null, error: null };
  window.quadhelixMap = api;

  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const helixColour = (helix) => styles.getPropertyValue(`--${helix}`).trim() || "#6b7280";
  const helixLabel = (helix) => box.dataset[`helix${helix.replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())}`] || helix;

  function sizes(graph) {
    let top = 0;
    graph.forEachNode((_, a) => { top = Math.max(top, a[view.size] || 0); });
    graph.forEachNode((node, a) => {
      const share = top > 0 ? Math.sqrt((a[view.size] || 0) / top) : 0;
      graph.setNodeAttribute(node, "size", 2.5 + 12 * share);
    });
  }

  function colours(graph) {
    graph.forEachNode((node, a) => {
      const colour = view.colour === "helix"
        ? helixColour(a.helix)
        : COMMUNITY_COLOURS[a.community % COMMUNITY_COLOURS.length];
      graph.setNodeAttribute(node, "color", colour);
    });
    $("legend-helix").hidden = view.colour !== "helix";
    $("legend-community").hidden = view.colour === "helix";
  }

  function showSelected(graph) {
    const panel = $("map-selected");
    if (view.selected === null) { panel.hidden = true; return; }
    const a = graph.getNodeAttributes(view.selected);
    const link = $("map-selected-link");
    link.textContent = a.label;
    link.href = `/actors/${encodeURIComponent(view.selected)}`;
    $("map-selected-helix").textContent = helixLabel(a.helix);
    $("map-selected-degree").textContent = String(a.degree);
    $("map-selected-betweenness").textContent = a.betweenness.toFixed(0);
    $("map-selected-community").textContent = String(a.community);
    panel.hidden = false;
  }

  function draw(data) {
    const graph = new graphology.Graph({ type: "undirected", multi: false, allowSelfLoops: false });
    for (const n of data.nodes) {
      graph.addNode(String(n.id), {
        label: n.label, helix: n.helix, x: n.x, y: n.y, degree: n.degree,
        betweenness: n.betweenness, pagerank: n.pagerank, community: n.community,
      });
    }
    for (const e of data.edges) {
      graph.mergeEdge(String(e.source), String(e.target), { weight: e.weight, size: 0.6, color: "#c3c8d0" });
    }
    api.graph = graph;
    sizes(graph);
    colours(graph);
    status.textContent = box.dataset.summary
      .replace("{nodes}", String(graph.order)).replace("{edges}", String(graph.size));
    if (typeof Sigma === "undefined") throw new Error("sigma.js is missing");
    let renderer;
    try {
      renderer = new Sigma(graph, box, {
        labelRenderedSizeThreshold: 9,
        defaultEdgeColor: "#c3c8d0",
        nodeReducer: (node, a) => {
          const shown = { ...a };
          if (view.found.has(node)) shown.highlighted = true;
          if (view.selected === null) return shown;
          const near = node === view.selected || graph.areNeighbors(node, view.selected);
          if (!near) {
            if (view.egoOnly) shown.hidden = true;
            shown.color = FADED;
            shown.label = "";
          } else {
            shown.forceLabel = true;
          }
          if (node === view.selected) shown.highlighted = true;
          return shown;
        },
        edgeReducer: (edge, a) => {
          if (view.selected === null) return a;
          const shown = { ...a };
          if (!graph.hasExtremity(edge, view.selected)) shown.hidden = true;
          else shown.color = "#5b6270";
          return shown;
        },
      });
    } catch (error) {
      status.textContent = box.dataset.nowebgl;
      throw error;
    }
    api.renderer = renderer;

    renderer.on("enterNode", ({ node }) => {
      const a = graph.getNodeAttributes(node);
      const where = renderer.framedGraphToViewport(renderer.getNodeDisplayData(node));
      tooltip.textContent = `${a.label} · ${helixLabel(a.helix)}`;
      tooltip.style.left = `${Math.round(box.offsetLeft + where.x + 12)}px`;
      tooltip.style.top = `${Math.round(box.offsetTop + where.y + 12)}px`;
      tooltip.hidden = false;
    });
    renderer.on("leaveNode", () => { tooltip.hidden = true; });
    renderer.on("clickNode", ({ node }) => select(node));
    renderer.on("clickStage", () => select(null));
    api.readyAt = performance.now();
    api.ready = true;
    box.dataset.ready = "true";
  }

  function select(node, focus = false) {
    view.selected = node;
    showSelected(api.graph);
    if (node !== null && focus) {
      const spot = api.renderer.getNodeDisplayData(node);
      if (spot) api.renderer.getCamera().animate({ x: spot.x, y: spot.y, ratio: 0.25 }, { duration: 400 });
    }
    api.renderer.refresh();
  }
  api.select = (node) => select(node === null ? null : String(node), true);
  api.viewportOf = (node) => {
    const where = api.renderer.framedGraphToViewport(api.renderer.getNodeDisplayData(String(node)));
    const rect = box.getBoundingClientRect();
    return { x: rect.left + where.x, y: rect.top + where.y };
  };

  function search(text) {
    const list = $("map-matches");
    list.replaceChildren();
    view.found = new Set();
    const wanted = fold(text.trim());
    if (wanted && api.graph) {
      api.graph.forEachNode((node, a) => {
        if (view.found.size < 10 && fold(a.label).includes(wanted)) view.found.add(node);
      });
      for (const node of view.found) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "link";
        button.textContent = api.graph.getNodeAttribute(node, "label");
        button.addEventListener("click", () => select(node, true));
        item.append(button);
        list.append(item);
      }
    }
    if (api.renderer) api.renderer.refresh();
  }

  $("map-search").addEventListener("input", (event) => search(event.target.value));
  $("map-size").addEventListener("change", (event) => {
    view.size = event.target.value;
    if (api.graph) { sizes(api.graph); api.renderer.refresh(); }
  });
  $("map-colour").addEventListener("change", (event) => {
    view.colour = event.target.value;
    if (api.graph) { colours(api.graph); api.renderer.refresh(); }
  });
  $("map-ego").addEventListener("change", (event) => {
    view.egoOnly = event.target.checked;
    if (api.renderer) api.renderer.refresh();
  });
  $("map-clear").addEventListener("click", () => select(null));

  // Ask for the data without waiting for a layout: while the server's background worker is
  // still computing the map (202), show how far it is and ask again after Retry-After.
  const progressBar = $("map-progress");
  function showProgress(state) {
    const stage = box.dataset[`stage${state.stage.charAt(0).toUpperCase()}${state.stage.slice(1)}`] || state.stage;
    status.textContent = box.dataset.preparing
      .replace("{stage}", stage).replace("{step}", String(state.step)).replace("{steps}", String(state.steps));
    progressBar.max = state.steps;
    progressBar.value = state.step;
    progressBar.hidden = false;
    api.preparing = state;
  }

  function load() {
    fetch(box.dataset.api, {
      credentials: "same-origin",
      headers: { Accept: "application/json", Prefer: "respond-async" },
    })
      .then((response) => {
        if (response.status === 202) {
          const wait = Math.min(0.5, Number(response.headers.get("Retry-After")) || 1);
          return response.json().then((state) => {
            showProgress(state);
            setTimeout(load, wait * 1000);
            return null;
          });
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((data) => {
        if (data === null) return;
        progressBar.hidden = true;
        draw(data);
      })
      .catch((error) => {
        progressBar.hidden = true;
        if (!api.graph) status.textContent = box.dataset.failed;
        api.error = String(error);
      });
  }
  load();
})();

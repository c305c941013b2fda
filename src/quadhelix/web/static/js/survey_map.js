// A survey wave's network: members on a circle, coloured by the trust they received, pairs
// drawn thicker at higher levels of collaboration. Data from /api/v1/surveys/{id}/network.
"use strict";

(() => {
  const box = document.getElementById("survey-network");
  if (!box) return;
  const status = document.getElementById("survey-network-status");
  const api = { ready: false, graph: null };
  window.quadhelixSurveyMap = api;

  const colour = (trust) => {
    if (trust === null || trust === undefined) return "#9aa0a6";
    if (trust < 2) return "#c0392b";
    if (trust < 3) return "#e0a526";
    return "#2e8b57";
  };

  function draw(data) {
    const graph = new graphology.Graph({ type: "undirected", multi: false, allowSelfLoops: false });
    const n = data.nodes.length;
    data.nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / Math.max(n, 1);
      const label = node.trust === null ? node.label : `${node.label} (${node.trust.toFixed(1)})`;
      graph.addNode(String(node.id), {
        label, x: Math.cos(angle), y: Math.sin(angle), size: node.responded ? 10 : 6,
        color: colour(node.trust), trust: node.trust,
      });
    });
    for (const e of data.edges) {
      graph.mergeEdge(String(e.source), String(e.target), {
        size: 0.5 + e.weight, color: "#8a919c", level: e.level,
      });
    }
    api.graph = graph;
    if (typeof Sigma === "undefined") throw new Error("sigma.js is missing");
    api.renderer = new Sigma(graph, box, { renderLabels: true, labelRenderedSizeThreshold: 0 });
    status.textContent = "";
    api.ready = true;
    box.dataset.ready = "true";
  }

  fetch(box.dataset.api, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then(draw)
    .catch((error) => {
      status.textContent = box.dataset.failed;
      api.error = String(error);
    });
})();

// Save as you go: each change to the survey form is posted in the background, so a respondent
// can close the page and come back through the same link. Without JavaScript the Save button
// does the same.
(function () {
  "use strict";
  const form = document.getElementById("survey-form");
  if (!form) return;
  const status = document.getElementById("autosave-status");
  const url = form.dataset.autosave;
  const lang = document.documentElement.lang;
  const words = lang === "nl"
    ? { saving: "Bezig met bewaren…", saved: "Bewaard om ", failed: "Niet bewaard: ", closed: "Deze bevraging neemt geen antwoorden meer aan." }
    : { saving: "Saving…", saved: "Saved at ", failed: "Not saved: ", closed: "This survey no longer takes answers." };
  let timer = null;
  let pending = false;

  async function save() {
    timer = null;
    pending = false;
    status.textContent = words.saving;
    try {
      const response = await fetch(url, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Autosave": "1" },
        credentials: "same-origin",
      });
      const body = await response.json();
      if (response.ok && body.saved) {
        const time = new Date(body.saved_at).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
        status.textContent = words.saved + time;
        form.dataset.saved = body.saved_at;
      } else if (response.status === 409) {
        status.textContent = words.closed;
      } else {
        status.textContent = words.failed + ((body.errors || []).join("; ") || response.status);
      }
    } catch (error) {
      status.textContent = words.failed + error;
    }
  }

  function schedule() {
    pending = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  }

  form.addEventListener("change", schedule);
  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") schedule();
  });
  window.addEventListener("beforeunload", function () {
    if (pending && navigator.sendBeacon) {
      navigator.sendBeacon(url, new FormData(form));
    }
  });
})();

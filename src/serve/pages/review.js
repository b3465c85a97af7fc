// Keyboard for shanzhai's review pages (served as /static/review.js; no inline script, no
// dependency). Every key has a visible button or link too: the pages work without this file.
//   item page:  c / o / e  decide (with the reason), 1..5 preset reason, r reason field,
//               j / ArrowRight next, k / ArrowLeft previous, t annotated/original image
//   queue page: j / k (arrows too) move the selection, Enter opens it
//   everywhere: ? help (Esc closes it)
"use strict";
(function () {
  const help = document.getElementById("help");
  const openHelp = () => { if (help && !help.open) help.showModal(); };
  const helpButton = document.getElementById("help-open");
  if (helpButton) helpButton.addEventListener("click", openHelp);

  const form = document.getElementById("decide");
  const reason = document.getElementById("reason");
  const item = document.getElementById("item");
  const toggle = document.getElementById("toggle-image");
  const evidence = document.getElementById("evidence");

  function flash(message) {
    let box = document.getElementById("error");
    if (!box) {
      box = document.createElement("p");
      box.id = "error";
      box.className = "error";
      box.setAttribute("role", "alert");
      form.parentNode.insertBefore(box, form);
    }
    box.textContent = message; // text, never HTML
  }

  function decide(value) {
    if (!form) return;
    if (!reason.value.trim()) {
      flash("Give a reason first: type one (r) or pick a preset (1-5).");
      reason.focus();
      return;
    }
    const button = form.querySelector('button[name="decision"][value="' + value + '"]');
    if (button) form.requestSubmit(button);
  }

  document.querySelectorAll("button.preset").forEach((b) =>
    b.addEventListener("click", () => {
      reason.value = b.dataset.reason;
      reason.focus();
    }),
  );

  // Enter in the reason field must not submit with the first button (Confirm) by accident.
  if (reason) {
    reason.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        flash("Press Esc, then c (confirm), o (overturn) or e (escalate).");
      } else if (ev.key === "Escape") {
        reason.blur();
      }
    });
  }

  if (toggle && evidence) {
    toggle.addEventListener("click", () => {
      const original = toggle.getAttribute("aria-pressed") !== "true";
      toggle.setAttribute("aria-pressed", String(original));
      evidence.src = original ? toggle.dataset.original : toggle.dataset.annotated;
      toggle.textContent = original ? "Show annotated (t)" : "Show original (t)";
    });
  }

  // Queue page: a selection that j/k move and Enter opens.
  const links = Array.from(document.querySelectorAll("#queue a.item-link"));
  let selected = -1;
  function select(i) {
    if (!links.length) return;
    selected = Math.max(0, Math.min(links.length - 1, i));
    links[selected].focus();
  }

  function go(attr) {
    if (item && item.dataset[attr]) window.location.assign(item.dataset[attr]);
  }

  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    const typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
    if (typing) return;
    if (help && help.open) return; // the dialog handles Esc itself
    const key = ev.key;
    if (key === "?") { ev.preventDefault(); openHelp(); return; }
    if (item) {
      if (key === "c" || key === "o" || key === "e") {
        ev.preventDefault();
        decide({ c: "confirm", o: "overturn", e: "escalate" }[key]);
      } else if (key === "j" || key === "ArrowRight") {
        ev.preventDefault(); go("next");
      } else if (key === "k" || key === "ArrowLeft") {
        ev.preventDefault(); go("previous");
      } else if (key === "r" && reason) {
        ev.preventDefault(); reason.focus();
      } else if (key === "t" && toggle) {
        ev.preventDefault(); toggle.click();
      } else if (/^[1-9]$/.test(key) && reason) {
        const preset = document.querySelector('button.preset[data-key="' + key + '"]');
        if (preset) { ev.preventDefault(); reason.value = preset.dataset.reason; }
      }
    } else if (links.length) {
      if (key === "j" || key === "ArrowDown") { ev.preventDefault(); select(selected + 1); }
      else if (key === "k" || key === "ArrowUp") { ev.preventDefault(); select(selected - 1); }
    }
  });
})();

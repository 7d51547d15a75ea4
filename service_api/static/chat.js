// Minimal chat page for /api/v1/chat. Every text is inserted as text, never as HTML.
(() => {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const input = document.getElementById("text");
  const langSelect = document.getElementById("lang");
  const URL_PATTERN = /(https?:\/\/[^\s)]+)/g;

  const senderKey = "lotse.sender";
  let sender = localStorage.getItem(senderKey);
  if (!sender) {
    sender = crypto.randomUUID();
    localStorage.setItem(senderKey, sender);
  }

  function appendText(parent, text) {
    text.split(URL_PATTERN).forEach((part, i) => {
      if (i % 2 === 1) {
        const link = document.createElement("a");
        link.href = part;
        link.textContent = part;
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        parent.appendChild(link);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  function show(role, text, buttons = []) {
    const item = document.createElement("li");
    item.className = role;
    item.dir = "auto"; // Arabic and Persian read right to left
    appendText(item, text);
    if (buttons.length) {
      const choices = document.createElement("div");
      choices.className = "choices";
      buttons.forEach((b) => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.addEventListener("click", () => send(b.payload, b.title));
        choices.appendChild(button);
      });
      item.appendChild(choices);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
  }

  async function send(text, shown = text) {
    show("user", shown);
    const body = { sender, text, channel: "web" };
    if (langSelect.value) body.lang = langSelect.value;
    try {
      const response = await fetch("/api/v1/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await response.json();
      if (!response.ok) throw new Error(typeof data.detail === "string" ? data.detail : response.statusText);
      document.documentElement.lang = data.lang;
      data.replies.forEach((r) => show("bot", r.text, r.buttons));
    } catch (error) {
      show("error", String(error.message || error));
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
})();

// Lotse web widget. Embed with one tag:
//   <script src="https://lotse.example/static/widget.js"
//           data-endpoint="https://lotse.example" data-lang="de" defer></script>
// It talks to data-endpoint only, sets no cookies (the session id lives in
// localStorage) and inserts every text as text, never as HTML.
(() => {
  "use strict";
  const script = document.currentScript;
  const endpoint = (script.dataset.endpoint || new URL(script.src).origin).replace(/\/+$/, "");
  const pageLang = script.dataset.lang || "de";
  const STORE = "lotse.widget";
  const URL_PATTERN = /(https?:\/\/[^\s)]+)/g;
  const ERASE = '/privacy_info{"erase": "yes"}';

  const state = Object.assign({ sender: null, lang: "" }, readStore());
  if (!state.sender) state.sender = newSender();
  let languages = [];
  let texts = {};
  let replyLang = state.lang || pageLang;

  function readStore() {
    try {
      return JSON.parse(localStorage.getItem(STORE)) || {};
    } catch {
      return {};
    }
  }
  function save() {
    localStorage.setItem(STORE, JSON.stringify({ sender: state.sender, lang: state.lang }));
  }
  function newSender() {
    return crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now();
  }
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    children.forEach((child) => node.append(child));
    return node;
  }

  // The widget's parts ------------------------------------------------------
  const root = el("div", { class: "lotse" });
  const launcher = el("button", {
    type: "button", class: "lotse-launcher", "aria-expanded": "false", "aria-controls": "lotse-panel",
  });
  const title = el("h2", { id: "lotse-title", class: "lotse-title" });
  const closeButton = el("button", { type: "button", class: "lotse-close" }, "×");
  const langLabel = el("label", { for: "lotse-lang" });
  const langSelect = el("select", { id: "lotse-lang" });
  const messages = el("ol", { class: "lotse-messages" });
  const log = el("div", { class: "lotse-log", role: "log", "aria-live": "polite", "aria-labelledby": "lotse-title" }, messages);
  const inputLabel = el("label", { for: "lotse-input", class: "lotse-visually-hidden" });
  const input = el("input", { id: "lotse-input", type: "text", maxlength: "2000", autocomplete: "off", required: "" });
  const sendButton = el("button", { type: "submit", class: "lotse-send" });
  const form = el("form", { class: "lotse-composer" }, inputLabel, input, sendButton);
  const privacyNote = el("p", { class: "lotse-note" });
  const privacyButton = el("button", { type: "button", class: "lotse-link" });
  const deleteButton = el("button", { type: "button", class: "lotse-link" });
  const panel = el(
    "section",
    { id: "lotse-panel", class: "lotse-panel", role: "dialog", "aria-labelledby": "lotse-title", hidden: "" },
    el("header", { class: "lotse-header" }, title, closeButton),
    el("div", { class: "lotse-language" }, langLabel, langSelect),
    log,
    form,
    el("footer", { class: "lotse-footer" }, privacyNote, el("div", {}, privacyButton, deleteButton)),
  );
  root.append(launcher, panel);

  function applyTexts() {
    const language = languages.find((l) => l.code === replyLang) || languages.find((l) => l.code === pageLang) || languages[0];
    if (!language) return;
    texts = language.texts;
    root.lang = language.code === "de-x-ls" ? "de" : language.code;
    root.dir = language.dir;
    launcher.textContent = texts.open;
    title.textContent = texts.title;
    closeButton.setAttribute("aria-label", texts.close);
    langLabel.textContent = texts.language;
    langSelect.options[0].textContent = texts.automatic;
    inputLabel.textContent = texts.input_label;
    input.placeholder = texts.placeholder;
    sendButton.textContent = texts.send;
    privacyNote.textContent = texts.privacy_note;
    privacyButton.textContent = texts.privacy;
    deleteButton.textContent = texts.delete;
  }

  // Messages ----------------------------------------------------------------
  function appendText(parent, text) {
    text.split(URL_PATTERN).forEach((part, i) => {
      if (i % 2 === 1) {
        parent.append(el("a", { href: part, rel: "noopener noreferrer", target: "_blank" }, part));
      } else if (part) {
        parent.append(document.createTextNode(part));
      }
    });
  }

  function show(role, reply) {
    const item = el("li", { class: `lotse-message lotse-${role}` });
    const speaker = role === "user" ? texts.you : texts.lotse;
    item.append(el("span", { class: "lotse-visually-hidden" }, `${speaker}: `));
    const body = el("p", { class: "lotse-text", dir: "auto" });
    appendText(body, reply.text);
    item.append(body);
    if (reply.machine_translated) {
      item.append(el("p", { class: "lotse-mt" }, texts.machine_translated));
    }
    if (reply.buttons && reply.buttons.length) {
      const choices = el("div", { class: "lotse-choices", role: "group", "aria-label": speaker });
      reply.buttons.forEach((b) => {
        const button = el("button", { type: "button", dir: "auto" }, b.title);
        button.addEventListener("click", () => send(b.payload, b.title));
        choices.append(button);
      });
      item.append(choices);
    }
    messages.append(item);
    return item;
  }

  // Talking to Lotse ----------------------------------------------------------
  async function send(text, shown = text) {
    show("user", { text: shown });
    log.scrollTop = log.scrollHeight;
    log.setAttribute("aria-busy", "true");
    const body = { sender: state.sender, text, channel: "web" };
    if (state.lang) body.lang = state.lang;
    try {
      const response = await fetch(`${endpoint}/api/v1/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(String(response.status));
      const data = await response.json();
      if (text === ERASE) {
        messages.replaceChildren();
        state.sender = newSender();
        save();
      }
      replyLang = data.lang;
      applyTexts();
      const shown = data.replies.map((reply) => show("bot", reply));
      if (shown.length) log.scrollTop = shown[0].offsetTop - log.offsetTop; // read from its start
    } catch {
      show("error", { text: texts.error });
    } finally {
      log.removeAttribute("aria-busy");
      input.focus();
    }
  }

  // Behaviour -----------------------------------------------------------------
  function open(isOpen) {
    panel.hidden = !isOpen;
    launcher.setAttribute("aria-expanded", String(isOpen));
    (isOpen ? input : launcher).focus();
  }
  launcher.addEventListener("click", () => open(panel.hidden));
  closeButton.addEventListener("click", () => open(false));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") open(false);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
  langSelect.addEventListener("change", () => {
    state.lang = langSelect.value;
    save();
    if (state.lang) {
      replyLang = state.lang;
      applyTexts();
    }
  });
  privacyButton.addEventListener("click", () => send("/privacy_info", privacyButton.textContent));
  deleteButton.addEventListener("click", () => {
    if (window.confirm(texts.delete_confirm)) send(ERASE, deleteButton.textContent);
  });

  async function start() {
    document.head.append(el("link", { rel: "stylesheet", href: `${endpoint}/static/widget.css` }));
    try {
      const response = await fetch(`${endpoint}/api/v1/languages`);
      languages = (await response.json()).languages;
    } catch (error) {
      console.warn("Lotse is not reachable; the chat stays hidden", error);
      return;
    }
    langSelect.append(el("option", { value: "" }));
    languages.forEach((l) => {
      const option = el("option", { value: l.code, lang: l.code === "de-x-ls" ? "de" : l.code, dir: l.dir }, l.name);
      langSelect.append(option);
    });
    langSelect.value = state.lang;
    save();
    applyTexts();
    document.body.append(root);
  }
  start();
})();

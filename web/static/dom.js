// DOM helpers. Data never goes through innerHTML: text is set with
// textContent and links only carry http(s) URLs.

// el builds an element: attrs are set as attributes ("text" sets
// textContent, "class" the class list); children are nodes or strings.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// safeURL returns the URL when it is http or https, else null.
export function safeURL(ref) {
  if (typeof ref !== 'string') return null;
  try {
    const u = new URL(ref);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// link is an anchor to an external http(s) URL, or plain text otherwise.
export function link(ref, text) {
  const href = safeURL(ref);
  if (!href) return el('span', { class: 'ref', text: text || ref });
  return el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank', text: text || ref });
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

// escapeAttr makes text safe inside a double-quoted HTML attribute of a
// snippet that the user copies (never inserted into this page).
export function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

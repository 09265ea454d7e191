// "Insert an image" under a body field: puts the chosen library image's code at the cursor.
// Without this script the same list shows each code to copy by hand.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-insert]");
  if (!button) return;
  const field = document.getElementById(button.getAttribute("aria-controls"));
  if (!field) return;
  const code = button.dataset.insert;
  const before = field.value.slice(0, field.selectionStart).replace(/\s*$/, "");
  const after = field.value.slice(field.selectionEnd).replace(/^\s*/, "");
  const start = before ? before + "\n\n" : "";
  field.value = start + code + (after ? "\n\n" + after : "\n");
  const cursor = start.length + code.length;
  field.focus();
  field.setSelectionRange(cursor, cursor);
  button.closest("details").open = false;
});

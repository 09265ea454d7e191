// Passkeys: adds one on the Security page, logs in with one at the second login step or
// in place of the password (a form shown only where the browser has passkeys).
// A form with data-passkey asks its data-options URL for the WebAuthn options, lets the
// browser create or use the passkey, and posts the browser's answer to its action.
async function postJSON(url, token, body) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": token },
    body: JSON.stringify(body || {}),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || String(response.status));
  return data;
}

async function ceremony(form) {
  const token = form.querySelector("input[name=csrf_token]").value;
  const options = await postJSON(form.dataset.options, token);
  let credential;
  if (form.dataset.passkey === "register") {
    const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options);
    credential = await navigator.credentials.create({ publicKey });
  } else {
    const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options);
    credential = await navigator.credentials.get({ publicKey });
  }
  const name = form.querySelector("input[name=name]");
  const result = await postJSON(form.action, token, {
    credential: credential.toJSON(),
    name: name ? name.value : "",
  });
  window.location.assign(result.next);
}

document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-passkey]");
  if (!form) return;
  event.preventDefault();
  const status = form.querySelector("[role=status]");
  status.hidden = true;
  ceremony(form).catch((error) => {
    status.textContent = form.dataset.failed;
    status.hidden = false;
    console.warn(error);
  });
});

if (window.PublicKeyCredential && PublicKeyCredential.parseRequestOptionsFromJSON) {
  for (const form of document.querySelectorAll("form[data-passkey][hidden]")) {
    form.hidden = false;
  }
}

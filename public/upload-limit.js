// Checks an evidence document's size in the browser before it is sent: a file over the server's limit
// would otherwise travel in full (minutes on a slow line) only to be refused. The limit and the message,
// in the page's language, come from the file input's data attributes. Without this script the server
// refuses the upload and brings the person back to the same page with the limit stated.
for (const input of document.querySelectorAll('input[type=file][data-max-bytes]')) {
  const max = Number(input.dataset.maxBytes);
  const check = () => {
    const big = [...(input.files || [])].some((f) => f.size > max);
    input.setCustomValidity(big ? input.dataset.msgTooLarge : '');
    return !big;
  };
  input.addEventListener('change', () => check() || input.reportValidity());
  input.form?.addEventListener('submit', (e) => {
    // Only the button that sends this input's file is stopped; saving answers goes on without the file.
    const action = e.submitter?.value ?? '';
    if (action === `upload:${input.name.slice(3)}` && !check()) {
      e.preventDefault();
      input.reportValidity();
    } else if (!check()) input.value = '';
  });
}

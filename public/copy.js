// Copy buttons: every element carrying data-copy-label (a link or a message to paste into a messenger)
// gets a button after it that copies its text. Without this script the text is there to select by hand,
// so the button exists only where it works.
for (const el of document.querySelectorAll('[data-copy-label]')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary copy-button';
  button.textContent = el.dataset.copyLabel;
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  status.className = 'muted';
  button.addEventListener('click', async () => {
    const text = 'value' in el ? el.value : el.textContent;
    try {
      // The clipboard API exists only on secure pages (https, localhost); elsewhere select the text.
      await navigator.clipboard.writeText(text);
      status.textContent = el.dataset.copyDone;
    } catch {
      if ('select' in el) el.select();
      else window.getSelection()?.selectAllChildren(el);
      status.textContent = el.dataset.copyFailed;
    }
  });
  el.after(button, ' ', status);
}

/**
 * The copy buttons of `Citation.astro`, in the browser. Paths marked `data-site-path` (no public
 * URL configured) become absolute on the reader's own address first, so what is shown and copied
 * is a link that works where the reader is (`location.href`), not the build machine's.
 */
export function startCopyButtons(): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-site-path]')) {
    element.textContent = new URL(element.dataset.sitePath!, location.href).href;
  }
  const status = document.querySelector('.copy-status');
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const source = document.getElementById(button.dataset.copy!);
    if (!source || !status) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = source.textContent!.trim();
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = 'In die Zwischenablage kopiert.';
      } catch {
        // No Clipboard API (plain http) or no permission: select the text for Ctrl+C.
        const range = document.createRange();
        range.selectNodeContents(source);
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        status.textContent = 'Text markiert – mit Strg+C (⌘+C) kopieren.';
      }
    });
  }
}

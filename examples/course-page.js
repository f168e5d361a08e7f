// The example course page's own script: it listens for the events every
// <nn-playground> fires (they bubble and cross the shadow boundary, so one
// listener on the document hears them all) and prints them as text.
const log = document.getElementById('event-log');

function print(type, target, detail) {
  const item = document.createElement('li');
  item.dataset.event = type;
  item.dataset.source = target;
  item.textContent = `${new Date().toLocaleTimeString()}  #${target}  ${type}  ${JSON.stringify(detail)}`;
  log.append(item);
  // Kept for the end-to-end test, which reads what a course page would see.
  window.courseEvents = [...(window.courseEvents ?? []), { type, target, detail }];
}

for (const type of ['ready', 'diverged', 'lesson-complete']) {
  document.addEventListener(type, (e) => {
    const el = e.target instanceof Element ? e.target : null;
    if (el?.localName === 'nn-playground') print(type, el.id || 'nn-playground', e.detail);
  });
}

// Character counter for the comment form: tells how many characters are left (announced politely).
document.querySelectorAll('textarea[data-counter]').forEach(function (area) {
  var counter = document.getElementById(area.getAttribute('data-counter'));
  var max = parseInt(counter.getAttribute('data-max'), 10);
  var template = counter.textContent.replace(/\d+/, '{n}');
  function update() {
    counter.textContent = template.replace('{n}', String(max - area.value.length));
  }
  area.addEventListener('input', update);
  update();
});

// "Markdown-Datei einlesen": reads the chosen file in the browser into the text field (no upload needed).
document.querySelectorAll('input[type=file][data-fills]').forEach(function (input) {
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) { return; }
    file.text().then(function (text) { document.getElementById(input.getAttribute('data-fills')).value = text; });
  });
});

/*
 * Shows a procedure's BPMN diagram with the bpmn-js viewer (webjar, no build step) and marks the steps the
 * process is waiting in. The same steps are listed as text on the page, so nothing depends on seeing the diagram.
 */
(function () {
  'use strict';

  function showError(container) {
    var message = document.getElementById('procedure-diagram-error');
    if (message) {
      message.hidden = false;
    }
    container.hidden = true;
  }

  function render(container) {
    if (typeof window.BpmnJS !== 'function') {
      showError(container);
      return;
    }
    var viewer = new window.BpmnJS({ container: container });
    var activeIds = (container.getAttribute('data-active-ids') || '')
      .split(',')
      .map(function (id) { return id.trim(); })
      .filter(function (id) { return id.length > 0; });

    fetch(container.getAttribute('data-bpmn-url'), {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/xml' }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (xml) {
        return viewer.importXML(xml);
      })
      .then(function () {
        var canvas = viewer.get('canvas');
        // the steps are listed as text below; the drawing's shapes and labels would only repeat them out of order
        container.querySelectorAll('svg').forEach(function (svg) { svg.setAttribute('aria-hidden', 'true'); });
        var elements = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport', 'auto');
        activeIds.forEach(function (id) {
          if (elements.get(id)) {
            canvas.addMarker(id, 'highlight-active');
          }
        });
      })
      .catch(function () {
        showError(container);
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var container = document.getElementById('procedure-diagram');
    if (container) {
      render(container);
    }
  });
}());

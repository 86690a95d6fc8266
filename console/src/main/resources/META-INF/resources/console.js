// Draws every <canvas data-chart="..."> with Chart.js; the figures come from the page itself
// (the same JSON the table below it shows), so nothing is computed here.
(function () {
  // Colours with at least 3:1 contrast against white (WCAG 2.1 non-text contrast).
  var COLOURS = ['#0b5394', '#b45309', '#1d6b38', '#6b21a8', '#9f1239', '#374151'];
  function draw(canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    data.datasets.forEach(function (d, i) {
      d.backgroundColor = COLOURS[i % COLOURS.length];
      d.borderColor = COLOURS[i % COLOURS.length];
    });
    new Chart(canvas, {
      type: 'bar',
      data: data,
      options: {
        responsive: true,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }
  function init() {
    if (typeof Chart === 'undefined') { return; }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

// The dashboard's one script (the CSP allows no inline code): draws the ranking chart from the JSON the
// same server serves, with chart.js loaded from the same server. The tables work without it.
(function () {
  'use strict';
  var ROW_PX = 18;

  /** All rows when few; else the best and the last `ends` (the table below lists every commune). */
  function pick(rows, ends) {
    if (rows.length <= ends * 2) return { rows: rows, cut: false };
    return { rows: rows.slice(0, ends).concat(rows.slice(rows.length - ends)), cut: true };
  }

  function percent(share) {
    return share === null ? null : Math.round(share * 1000) / 10;
  }

  function draw(canvas) {
    fetch(canvas.getAttribute('data-source'), { credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (data) {
        if (!data || !window.Chart || data.rows.length === 0) return;
        var shown = pick(data.rows, Number(canvas.getAttribute('data-ends')) || 30);
        var note = document.querySelector('.chart-note');
        if (note && shown.cut) note.hidden = false;
        canvas.parentElement.style.height = Math.max(240, shown.rows.length * ROW_PX + 60) + 'px';
        new window.Chart(canvas, {
          type: 'bar',
          data: {
            labels: shown.rows.map(function (r) {
              return r.name;
            }),
            datasets: [
              {
                label: canvas.getAttribute('data-label-done'),
                data: shown.rows.map(function (r) {
                  return percent(r.done);
                }),
                backgroundColor: '#0f4c81',
              },
              {
                label: canvas.getAttribute('data-label-plan'),
                data: shown.rows.map(function (r) {
                  return percent(r.plan);
                }),
                backgroundColor: '#f0a830',
              },
            ],
          },
          options: {
            indexAxis: 'y',
            animation: false,
            maintainAspectRatio: false,
            scales: { x: { min: 0, max: 100 } },
          },
        });
        canvas.setAttribute('data-drawn', String(shown.rows.length));
      })
      .catch(function () {
        /* the tables below carry the same figures */
      });
  }

  function start() {
    var canvas = document.getElementById('ranking-chart');
    if (!canvas) return;
    var script = document.createElement('script');
    script.src = '/tai-nguyen/chart.umd.min.js';
    script.onload = function () {
      draw(canvas);
    };
    document.head.appendChild(script);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

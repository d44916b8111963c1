// The review queue's keyboard: y / n answer, s skips, ? opens the help. Each key presses the page's own
// button, so with or without this script the same form posts the same answer.
(function () {
  "use strict";
  var keys = { y: "answer-yes", n: "answer-no", s: "answer-skip" };
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT")) { return; }
    if (event.key === "?") {
      var help = document.getElementById("review-help");
      if (help) { help.open = !help.open; }
      event.preventDefault();
      return;
    }
    var id = keys[event.key];
    var button = id && document.getElementById(id);
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
})();

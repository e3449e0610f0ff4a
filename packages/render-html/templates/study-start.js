// Every mode is registered: open the one the URL names.
study.startModes();
// For the page's own timing (tests read it): the page is interactive from here.
performance.mark('quizmark-ready');

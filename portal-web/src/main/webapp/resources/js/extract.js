/* Progress while the register extract is made and downloaded (PrimeFaces.monitorDownload callbacks). */
function extractStarted() {
    var status = document.getElementById('extractProgress');
    status.textContent = status.getAttribute('data-working');
    status.classList.add('working');
}

function extractFinished() {
    var status = document.getElementById('extractProgress');
    status.textContent = status.getAttribute('data-done');
    status.classList.remove('working');
    refreshIssued();
}

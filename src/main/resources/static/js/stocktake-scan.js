// 扫码盘点: reads labels' QR codes from the phone's camera and records each once through the scan form (htmx adds
// the answer to the list). Uses the browser's BarcodeDetector where it has one, else ZXing's decoder from the
// html5-qrcode webjar. Typed numbers go through the same form.
(function () {
  const start = document.getElementById('camera-start');
  if (!start) {
    return;
  }
  const video = document.getElementById('camera');
  const state = document.getElementById('camera-state');
  const form = document.getElementById('scan-form');
  const input = document.getElementById('scan-code');
  const seen = new Set();
  const canvas = document.createElement('canvas');
  let detector = null;
  if ('BarcodeDetector' in window) {
    try {
      detector = new window.BarcodeDetector({formats: ['qr_code']});
    } catch (e) {
      detector = null;
    }
  }

  function record(code) {
    if (!code || seen.has(code)) {
      return; // a room is scanned in one go: each label counts once, however long it stays in view
    }
    seen.add(code);
    input.value = code;
    if (window.htmx) {
      window.htmx.trigger(form, 'submit');
    } else {
      form.requestSubmit();
    }
  }

  async function decode() {
    if (video.readyState < 2 || !video.videoWidth) {
      return [];
    }
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d', {willReadFrequently: true}).drawImage(video, 0, 0);
    if (detector) {
      return (await detector.detect(canvas)).map(function (found) { return found.rawValue; });
    }
    if (window.ZXing) {
      try {
        const source = new window.ZXing.HTMLCanvasElementLuminanceSource(canvas);
        const bitmap = new window.ZXing.BinaryBitmap(new window.ZXing.HybridBinarizer(source));
        return [new window.ZXing.QRCodeReader().decode(bitmap).getText()];
      } catch (e) {
        return []; // no code in this frame
      }
    }
    return [];
  }

  async function scanFrames() {
    try {
      (await decode()).forEach(record);
    } catch (e) {
      // a frame that cannot be read is skipped
    }
    setTimeout(scanFrames, 250);
  }

  start.addEventListener('click', async function () {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}, audio: false});
      video.srcObject = stream;
      video.classList.remove('d-none');
      await video.play();
      start.disabled = true;
      scanFrames();
    } catch (e) {
      state.textContent = state.dataset.unavailable;
    }
  });
})();

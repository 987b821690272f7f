// 起草参考: a passage goes to the clipboard only when the handler clicks its 复制 button; its plain text, without the marks.
document.querySelectorAll('.copy-passage').forEach(function (button) {
  button.addEventListener('click', function () {
    var text = button.parentElement.querySelector('.text').textContent;
    navigator.clipboard.writeText(text).then(function () {
      button.textContent = '已复制';
    }, function () {
      button.textContent = '复制失败，请手动选择';
    });
  });
});

"""Where payloads come from besides the scanner: a text file, standard input, or a QR picture.

A picture (PNG, JPEG, GIF, BMP, WebP) is decoded with zxing-cpp; anything else must be UTF-8 text.
Sizes are capped before reading so a wrong file (a video, a disk image, ``/dev/zero``, a FIFO) is
refused at once (``pos_app.core.files``).
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from pos_app.offline.payload import MAX_TEXT, PayloadRefused

MAX_PICTURE = 20 * 1024 * 1024
_PICTURE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"RIFF")


def is_picture(head: bytes) -> bool:
    return any(head.startswith(m) for m in _PICTURE_MAGIC)


def decode_qr_picture(data: bytes) -> str:
    """The text of the (single) QR code in a picture."""
    try:
        import zxingcpp
        from PIL import Image
    except ImportError as exc:  # pragma: no cover - both are install requirements
        raise PayloadRefused("no_qr_reader", "offline.qr_pictures_cannot_read") from exc
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            codes = zxingcpp.read_barcodes(img.convert("L"))
    except Exception as exc:  # noqa: BLE001 - a broken picture is bad input
        raise PayloadRefused("bad_picture", "offline.picture_cannot_opened") from exc
    texts = [c.text for c in codes if c.format == zxingcpp.BarcodeFormat.QRCode and c.text]
    if not texts:
        raise PayloadRefused("no_qr", "offline.qr_code_found_picture")
    if len(set(texts)) > 1:
        raise PayloadRefused("many_qr", "offline.picture_holds_more_than")
    return texts[0]


def read_payload_bytes(data: bytes) -> str:
    if is_picture(data[:16]):
        if len(data) > MAX_PICTURE:
            raise PayloadRefused("too_large", "offline.far_too_long_payment")
        return decode_qr_picture(data)
    if len(data) > MAX_TEXT:
        raise PayloadRefused("too_large", "offline.far_too_long_payment")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise PayloadRefused("garbage", "offline.payment_app_read") from None


def read_payload_source(source: str | Path | None) -> str:
    """Read ``source`` (a path, or ``-`` / None for standard input) as payload text.

    Only an ordinary file is read (a FIFO, a device or a folder is refused without blocking), and
    never more than a picture's worth of bytes; standard input is read up to a text payload's size
    unless it starts like a picture.
    """
    from pos_app.core.files import read_limited, read_stdin_limited
    if source in (None, "-"):
        try:
            head = sys.stdin.buffer.read(16)
        except OSError as exc:
            raise PayloadRefused("unreadable", "file.cannot_read_standard_input", detail=str(exc)) from None
        limit = (MAX_PICTURE if is_picture(head) else MAX_TEXT) - len(head)
        data = head + (read_stdin_limited(limit, what="payment") if len(head) == 16 else b"")
    else:
        data = read_limited(Path(source), MAX_PICTURE, what="payment")
    return read_payload_bytes(data)

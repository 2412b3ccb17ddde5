"""Draw the Som POS icon (resources/icons/sompos.png and .ico): a teal coin with "сом" on it.

Run once after changing the design; the files are committed so builds need no fonts."""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"


def draw(size: int = 256) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pad = size // 16
    d.ellipse((pad, pad, size - pad, size - pad), fill=(0, 121, 107, 255), outline=(255, 193, 7, 255),
              width=size // 20)
    try:
        font = ImageFont.load_default(size=size // 4)
    except TypeError:
        font = ImageFont.load_default()
    text = "SOM"
    box = d.textbbox((0, 0), text, font=font)
    w, h = box[2] - box[0], box[3] - box[1]
    d.text(((size - w) / 2 - box[0], (size - h) / 2 - box[1]), text, font=font, fill=(255, 255, 255, 255))
    return img


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    img = draw(256)
    img.save(OUT / "sompos.png", optimize=True)
    img.save(OUT / "sompos.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print("wrote", OUT)

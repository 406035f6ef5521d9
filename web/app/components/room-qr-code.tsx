/**
 * The join link as a QR code for the classroom screen (uqr encodes it; drawn here as one SVG path,
 * so no markup string is injected). Always dark on white with a quiet zone, whatever the scheme:
 * phone cameras read that best.
 */
import { encode } from "uqr";

export function RoomQrCode(props: { url: string }) {
  const qr = () => encode(props.url, { ecc: "M", border: 2 });
  const path = () => {
    const { data } = qr();
    let d = "";
    data.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
    return d;
  };
  return (
    <svg class="room-qr" viewBox={`0 0 ${qr().size} ${qr().size}`} role="img" aria-label={`QR code of the join link ${props.url}`} shape-rendering="crispEdges">
      <rect width="100%" height="100%" fill="#fff" />
      <path d={path()} fill="#000" />
    </svg>
  );
}

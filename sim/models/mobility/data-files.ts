/** Absolute paths of the mobility traces shipped in `data/` (see data/README.md for licences). */
import { fileURLToPath } from "node:url";

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export const MOBILITY_DATA = {
  /** iFogSim2: one user's path in the Melbourne CBD, 82 `Latitude,Longitude` rows. */
  ifogsimUserPath: here("./data/ifogsim-melbcbd/usersLocation-melbCBD_1.csv"),
  /** iFogSim2: random-mobility paths, 100 rows each. */
  ifogsimRandomPath1: here("./data/ifogsim-melbcbd/random_usersLocation-melbCBD_1.csv"),
  ifogsimRandomPath2: here("./data/ifogsim-melbcbd/random_usersLocation-melbCBD_2.csv"),
  /** EUA: 816 users generated uniformly in the Melbourne CBD polygon, `Latitude,Longitude`. */
  euaUsers: here("./data/eua/users-melbcbd-generated.csv"),
} as const;

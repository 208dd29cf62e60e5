export { addCustomer, addShop, addStaff, login, must, password, shopInput, signUp, type SeededOrg } from '../../../subgraphs/shops/test/seed';
